// Household-register pages of the tenth set: the 居民户口簿 pages (hukou-book.ts), a 户籍证明 printed
// by a government-service kiosk (QR code, 验证码, terminal number, electronic seal), and a 派出所
// letter listing every member of the household in a table.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { formRow, paragraph, qr, tableRow } from './form';
import { dateBetween, writeDate, type DateStyle } from './forms';
import { bookletSpread, memberPage } from './hukou-book';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { addressIn, person, rareName, rarify, REGIONS, surnameOf, type Person, type Region } from './people';

export interface Member {
  readonly person: Person;
  readonly relation: string;
  readonly married: boolean;
}

const station = (r: Region, rng: Rng) => `${rng.pick(r.towns).replace(/(街道|镇|乡)$/, '')}派出所`;

/** A household: head, maybe a spouse, children, a parent of the head. */
function household(rng: Rng, region: Region): Member[] {
  const head = person(rng, { region, from: '1950-01-01', to: '1992-12-31', sex: rng.chance(0.75) ? '男' : '女' });
  const married = rng.chance(0.82);
  const members: Member[] = [{ person: head, relation: '户主', married }];
  let father = head;
  if (married) {
    const sp = person(rng, { region: rng.chance(0.7) ? region : rng.pick(REGIONS), sex: head.sex === '男' ? '女' : '男', from: head.birth.replace(/^\d{4}/, (y) => String(Number(y) - 4)), to: head.birth.replace(/^\d{4}/, (y) => String(Number(y) + 4)), ethnicity: head.ethnicity });
    members.push({ person: sp, relation: head.sex === '男' ? '妻' : '夫', married: true });
    if (sp.sex === '男') father = sp;
  }
  const plain = rng.chance(0.4);
  const count = { 男: 0, 女: 0 };
  const y0 = Number(head.birth.slice(0, 4));
  for (let k = married ? rng.int(0, 3) : 0; k > 0; k--) {
    const sex = rng.chance(0.5) ? '男' : '女';
    const from = `${Math.min(2018, y0 + 20 + (3 - k) * 3)}-01-01`;
    const child = person(rng, { region, sex, from, to: `${Math.min(2020, y0 + 36)}-12-31`, surname: surnameOf(father.name), ethnicity: head.ethnicity });
    count[sex]++;
    const order = ['长', '次', '三'][count[sex] - 1]!;
    members.push({ person: child, relation: plain ? (sex === '男' ? '子' : '女') : `${order}${sex === '男' ? '子' : '女'}`, married: false });
  }
  if (rng.chance(0.2) && y0 > 1962) {
    const sex = rng.chance(0.5) ? '男' : '女';
    const parent = person(rng, { region, sex, from: `${y0 - 34}-01-01`, to: `${y0 - 21}-12-31`, ethnicity: head.ethnicity, ...(sex === '男' && head.sex === '男' ? { surname: surnameOf(head.name) } : {}) });
    members.push({ person: parent, relation: sex === '男' ? '父亲' : '母亲', married: true });
  }
  return members;
}

function kioskExtract(rng: Rng, dpi: DpiFor, members: Member[], target: number, address: string): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans-l', 'sans', 'sypx', 'sans-xl'] as const);
  const m = members[target]!;
  const who = m.person;
  const region = members[0]!.person.region;
  const issued = dateBetween(rng, '2024-03-01', '2026-11-30');
  p.write(105, 34, rng.pick(['户籍证明', '常住人口户籍信息证明', '户籍信息证明']), { face: 'sans-b', pt: pt + 8, align: 'center', spacing: 1 });
  p.write(188, 44, `证明编号：${region.code}${issued.replace(/-/g, '')}${rng.int(10000, 99999)}`, { face, pt: pt - 1, align: 'right' });
  let y = paragraph(p, 22, 54, 166, `经查询公安机关户籍登记信息，现将${who.name}的户籍信息证明如下：`, face, pt);
  const rows: (readonly [string, string, number?])[][] = [
    [['姓名', who.name, 1.5], ['性别', who.sex], ['民族', who.ethnicity]],
    [['出生日期', writeDate(who.birth, rng.pick(['cn0', 'cn', 'iso'] as const))], ['与户主关系', m.relation]],
    [['公民身份号码', who.id]],
    [['户主姓名', members[0]!.person.name], ['户号', String(rng.int(100000000, 999999999))]],
    [['户籍地址', address]],
    [['户籍登记机关', `${region.police}${station(region, rng)}`]],
  ];
  const rh = pt * 1.05;
  rows.forEach((pairs, i) => formRow(p, 22, y + i * rh, 166, rh, pairs, { label: face, value: face, pt }));
  y += rows.length * rh + 10;
  y = paragraph(p, 22, y, 166, '本证明仅证明上述人员的户籍登记信息，不作其他用途。自开具之日起三十日内有效，可扫描二维码或登录广东政务服务网核验真伪。', face, pt);
  qr(p, 22, y + 4, 26, rng);
  const code = Array.from({ length: 8 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[rng.int(0, 31)]).join('');
  p.write(52, y + 12, `验证码：${code}`, { face, pt: pt - 0.5 });
  p.write(52, y + 19, `打印终端：${region.place.slice(-3)}政务服务中心自助终端 No.${rng.int(1, 40)}`, { face, pt: pt - 0.5 });
  p.write(52, y + 26, `打印时间：${issued} ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`, { face, pt: pt - 0.5 });
  p.write(186, y + 44, region.police, { face, pt, align: 'right' });
  p.write(186, y + 52, writeDate(issued, 'cn0'), { face, pt, align: 'right' });
  stamp(p, 165, y + 44, 19, region.police, '户政业务专用章');
  return { paper: p, layout: 'kiosk-extract', fields: fieldsOf(m, address) };
}

function householdTable(rng: Rng, dpi: DpiFor, members: Member[], target: number, address: string): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'syst', 'serif-l', 'sans'] as const);
  const region = members[0]!.person.region;
  const office = station(region, rng);
  const who = members[target]!.person;
  const issued = dateBetween(rng, '2024-01-01', '2026-11-30');
  p.write(105, 36, rng.pick(['户籍信息证明', '家庭户成员户籍证明', '证　明']), { face: 'serif-b', pt: pt + 8, align: 'center', spacing: 1.5 });
  p.write(188, 47, `(${issued.slice(0, 4)})${office.slice(0, 2)}户证字第${String(rng.int(1, 999)).padStart(4, '0')}号`, { face, pt, align: 'right' });
  let y = paragraph(p, 22, 58, 166, `兹有申请人${who.name}（公民身份号码：${who.id}）申请开具户籍信息证明。经查，其户籍登记在我所辖区，户籍地址：${address}。该户成员登记信息如下：`, face, pt);
  const edges = p.grid(22, y, [10, 26, 22, 12, 16, 30, 50], Array(members.length + 1).fill(pt * 0.95) as number[]);
  const style: DateStyle = rng.pick(['iso', 'cn0', 'dot']);
  tableRow(p, edges, y, pt * 0.95, ['序号', '姓名', '与户主关系', '性别', '民族', '出生日期', '公民身份号码'], face, pt - 0.5);
  members.forEach((m, i) => {
    const q = m.person;
    tableRow(p, edges, y + (i + 1) * pt * 0.95, pt * 0.95, [String(i + 1), q.name, m.relation, q.sex, q.ethnicity, writeDate(q.birth, style), q.id], face, pt - 0.5);
  });
  y += (members.length + 1) * pt * 0.95 + 9;
  y = paragraph(p, 22, y, 166, '特此证明。（本证明自出具之日起三个月内有效，涂改无效。）', face, pt);
  p.write(180, y + 20, `${region.police}${office}`, { face, pt, align: 'right' });
  p.write(180, y + 29, writeDate(issued, rng.pick(['han', 'cn'] as const)), { face, pt, align: 'right' });
  p.write(22, y + 44, `经办人：${rng.pick(['李', '张', '陈', '何'])}警官　　联系电话：0${rng.int(700, 799)}-${rng.int(6000000, 8999999)}`, { face, pt: pt - 1 });
  stamp(p, 150, y + 20, 18, `${region.police}${office}`, '户籍专用章');
  return { paper: p, layout: 'household-table', fields: fieldsOf(members[target]!, address) };
}

const fieldsOf = (m: Member, address: string) => {
  const q = m.person;
  return { name: q.name, relation: m.relation, gender: q.sex, birthDate: q.birth, idNumber: q.id, ethnicity: q.ethnicity, address };
};

const DESIGNS = ['member-page', 'booklet-spread', 'kiosk-extract', 'household-table'] as const;

export function drawHukou(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  const shenzhen = REGIONS.filter((r) => r.code.startsWith('4403'));
  const away = REGIONS.filter((r) => !r.code.startsWith('4403'));
  const region = design === 'kiosk-extract' ? rng.pick(shenzhen) : design === 'member-page' ? rng.pick(away) : rng.pick(REGIONS);
  const members = household(rng, region);
  const target = design === 'booklet-spread' ? 0 : rng.int(0, members.length - 1);
  if (rareName(rng)) {
    const m = members[target]!;
    members[target] = { ...m, person: rarify(rng, m.person) };
  }
  const address = addressIn(rng, region);
  const born = members[target]!.person.birth;
  const registered = dateBetween(rng, born > '2008-01-01' ? born : '2008-01-01', '2024-12-31');
  if (design === 'member-page') return memberPage(rng, dpi, { member: members[target]!, head: members[0]!, address, registered });
  if (design === 'booklet-spread') return bookletSpread(rng, dpi, { member: members[0]!, head: members[0]!, address, registered });
  if (design === 'kiosk-extract') return kioskExtract(rng, dpi, members, target, address);
  return householdTable(rng, dpi, members, target, address);
}
