// 结婚证 and its stand-ins: the 2004+ inner page in two arrangements (side by side, stacked), the
// 1990s booklet filled in by hand, and the 民政局's 婚姻登记记录证明 letter, which may list an
// earlier marriage and its divorce before the present one (the truth is the present marriage).
import type { Rng } from '../../../domain/seed/prng';
import { addDays, addYears, dateBetween, person, SHENZHEN_CODES, type Person } from './people';
import { Paper, type Made } from './paper';
import { fmtDate } from './wording';

const DISTRICT: Record<string, string> = { '440303': '罗湖区', '440304': '福田区', '440305': '南山区', '440306': '宝安区', '440307': '龙岗区', '440308': '盐田区', '440309': '龙华区', '440310': '坪山区', '440311': '光明区' };

function couple(rng: Rng, from = '1962-01-01', to = '1998-12-31', plain = false): { man: Person; woman: Person; reg: string; code: string } {
  const man = person(rng, { sex: '男', from, to, plain });
  const woman = person(rng, { sex: '女', from: addDays(man.birth, -2500), to: addDays(man.birth, 2500) > to ? to : addDays(man.birth, 2500), plain });
  const later = man.birth > woman.birth ? man.birth : woman.birth;
  const earliest = addYears(later, 22);
  const reg = dateBetween(rng, earliest, earliest > '2025-06-30' ? earliest : '2026-10-31');
  // 龙华, 坪山 and 光明 became districts in 2017 (and 2018): older registrations name the older six.
  return { man, woman, reg, code: rng.pick(reg < '2018-01-01' ? SHENZHEN_CODES.slice(0, 6) : SHENZHEN_CODES) };
}

const certNo = (letter: 'J' | 'L', code: string, reg: string, rng: Rng) => `${letter}${code}-${reg.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;

function guilloche(p: Paper, rng: Rng, color: string): void {
  const g = p.g;
  g.strokeStyle = color;
  g.lineWidth = 1;
  const f = 0.004 + rng.next() * 0.004;
  for (let k = 0; k < 26; k++) {
    g.beginPath();
    for (let x = 0; x <= p.width; x += 8) g.lineTo(x, 60 + k * 66 + 22 * Math.sin(x * f + k * 0.7));
    g.stroke();
  }
}

/** The 2004+ inner page: 持证人 / 登记日期 / 结婚证字号, photo, then both parties. */
function innerPage(rng: Rng): Made {
  const { man, woman, reg, code } = couple(rng, '1962-01-01', '1998-12-31');
  // The 2004+ booklet carries an earlier registration date only when reissued (补发, number BJ…).
  const reissued = reg < '2004-01-01';
  const holder = rng.chance(0.5) ? man : woman;
  const no = reissued ? `B${certNo('J', code, dateBetween(rng, '2005-01-01', '2026-10-31'), rng)}` : certNo('J', code, reg, rng);
  const stacked = rng.chance(0.5);
  const ds = rng.pick(['cn', 'cn', 'cnShort'] as const);
  const p = new Paper(1240, 1754, '#fbeeee');
  guilloche(p, rng, 'rgba(220,120,130,0.35)');
  const lab = { size: 27, face: 'serif' as const, color: '#3a2a2a' };
  const val = { size: 28, face: 'sans' as const };
  let y = 170;
  for (const [l, v] of [['持证人', holder.name], ['登记日期', fmtDate(reg, ds)], ['结婚证字号', no]] as const) {
    p.put(l, 130, y, lab);
    p.put(v, 330, y, val);
    y += 70;
  }
  p.put('备注', 130, y, lab);
  if (reissued) p.put('补发', 330, y, val);
  p.seal(880, 260, 130, `深圳市${DISTRICT[code]}民政局`, '婚姻登记专用章', rng);
  // the photo: red ground, two heads
  const py = y + 60;
  p.fill(300, py, 640, 420, '#d8343c');
  p.g.fillStyle = '#f1e2d6';
  for (const cx of [480, 760]) {
    p.g.beginPath();
    p.g.ellipse(cx, py + 170, 75, 95, 0, 0, Math.PI * 2);
    p.g.fill();
    p.g.fillStyle = cx === 480 ? '#222' : '#f8f8f8';
    p.g.fillRect(cx - 130, py + 290, 260, 130);
    p.g.fillStyle = '#f1e2d6';
  }
  p.seal(620, py + 420, 90, `深圳市${DISTRICT[code]}民政局`, '', rng, 'rgba(200,40,40,0.35)');
  y = py + 520;
  const person = (who: Person, x: number, top: number) => {
    const rows: [string, string][] = [['姓名', who.name], ['性别', who.sex], ['国籍', '中国'], ['出生日期', fmtDate(who.birth, ds)], ['身份证件号', who.id]];
    rows.forEach(([l, v], i) => {
      p.put(l, x, top + i * 62, { ...lab, size: 25 });
      p.put(v, x + 150, top + i * 62, { ...val, size: 26 });
    });
  };
  if (stacked) {
    person(man, 130, y);
    person(woman, 130, y + 340);
  } else {
    person(man, 70, y);
    person(woman, 650, y);
  }
  return { paper: p, layout: stacked ? 'marriage-inner-stacked' : 'marriage-inner-sides', fields: { holder: holder.name, registrationDate: reg, certificateNumber: no, party1Name: man.name, party1Gender: '男', party1BirthDate: man.birth, party1IdNumber: man.id, party2Name: woman.name, party2Gender: '女', party2BirthDate: woman.birth, party2IdNumber: woman.id } };
}

/** The 1990s booklet: printed frame and wording, names, ages, number and date written by hand. */
function booklet(rng: Rng): Made {
  const { man, woman } = couple(rng, '1962-01-01', '1975-12-31', true);
  const code = rng.pick(['440303', '440304', '440305']);
  const later = man.birth > woman.birth ? man.birth : woman.birth;
  const from = addYears(later, 22) > '1990-01-01' ? addYears(later, 22) : '1990-01-01';
  const regDate = dateBetween(rng, from, '1999-12-31');
  const age = (b: string) => Number(regDate.slice(0, 4)) - Number(b.slice(0, 4)) - (regDate.slice(5) < b.slice(5) ? 1 : 0);
  const abbr = DISTRICT[code]!.slice(0, 1);
  const serial = String(rng.int(1, 9999)).padStart(4, '0');
  const no = `(${regDate.slice(0, 4)})深${abbr}婚字第${serial}号`;
  const p = new Paper(1240, 1754, '#f6efdc');
  p.box(70, 70, 1100, 1614, 8, '#b8282e');
  p.box(92, 92, 1056, 1570, 2, '#b8282e');
  p.put('结 婚 证', 620, 260, { size: 76, face: 'serifBold', align: 'center', color: '#b8282e' });
  const hand = { size: 46, face: 'hand' as const, color: '#1b2a6b' };
  const print = { size: 36, face: 'serif' as const, color: '#2a2a2a' };
  p.put(no, 620, 380, { ...hand, size: 40, align: 'center' });
  let y = 520;
  for (const who of [man, woman]) {
    p.put(who.name, 200, y, hand);
    p.put(who.sex, 560, y, hand);
    p.put(`${age(who.birth)}`, 760, y, hand);
    p.put('岁', 840, y, print);
    p.line(180, y + 14, 1060, y + 14, 1.5, '#555');
    y += 110;
  }
  const words = ['申请结婚，经审查符合《中华人民共和国', '婚姻法》关于结婚的规定，准予登记，', '发给此证。'];
  y += 40;
  for (const w of words) {
    p.put(w, 180, y, print);
    y += 70;
  }
  p.put(`深圳市${DISTRICT[code]}人民政府`, 760, 1260, { ...print, align: 'center' });
  p.put('婚姻登记机关', 760, 1320, { ...print, align: 'center' });
  p.seal(760, 1300, 140, `深圳市${DISTRICT[code]}人民政府`, '婚姻登记专用章', rng);
  const [yy, mm, dd] = regDate.split('-');
  p.put(`${yy}年${Number(mm)}月${Number(dd)}日`, 760, 1440, { ...hand, size: 44, align: 'center' });
  return { paper: p, layout: 'marriage-1990s-booklet', fields: { registrationDate: regDate, certificateNumber: no, party1Name: man.name, party1Gender: '男', party2Name: woman.name, party2Gender: '女' } };
}

/** 婚姻登记记录证明: the bureau's letter, records listed one block each; perhaps an earlier marriage ended by divorce. */
function recordLetter(rng: Rng): Made {
  const { man, woman, reg, code } = couple(rng, '1965-01-01', '1990-12-31');
  const applicant = rng.chance(0.5) ? man : woman;
  const issue = dateBetween(rng, addDays(reg, 1) > '2026-09-01' ? addDays(reg, 1) : '2026-09-01', '2026-11-28');
  const no = certNo('J', code, reg, rng);
  const other = person(rng, { sex: applicant === man ? '女' : '男', from: addDays(applicant.birth, -2200), to: addDays(applicant.birth, 2200) > '1990-12-31' ? '1990-12-31' : addDays(applicant.birth, 2200) });
  const older = [applicant.birth, other.birth].sort()[1]!;
  const lowest = addYears(older, 22);
  const low = addDays(reg, -5800) > lowest ? addDays(reg, -5800) : lowest;
  const earlier = rng.chance(0.45) && addDays(low, 900) < addDays(reg, -1200);
  const p = new Paper();
  p.put(rng.chance(0.5) ? '婚姻登记记录证明' : '婚姻状况证明', 620, 160, { size: 44, face: 'serifBold', align: 'center', spacing: 6 });
  p.put(`深${DISTRICT[code]!.slice(0, 1)}民婚证〔${issue.slice(0, 4)}〕${rng.int(100, 2999)}号`, 1120, 230, { size: 22, align: 'right' });
  p.put(`${applicant.name}（公民身份号码：${applicant.id}）：`, 110, 310, { size: 26 });
  p.put(`    经查询全国婚姻登记信息系统，截至${fmtDate(issue, 'cn')}，你在该系统中的婚姻登记记录`, 110, 370, { size: 26 });
  p.put('如下：', 110, 415, { size: 26 });
  let y = 490;
  const block = (title: string, kind: string, date: string, m: Person, w: Person, number: string) => {
    p.fill(110, y - 34, 1020, 46, '#efefef');
    p.put(title, 120, y, { size: 25, face: 'bold' });
    p.put(`登记类别：${kind}`, 420, y, { size: 24 });
    p.put(`登记日期：${fmtDate(date, 'cn')}`, 760, y, { size: 24 });
    y += 56;
    for (const [side, who] of [['男方', m], ['女方', w]] as const) {
      p.put(`${side}：${who.name}`, 130, y, { size: 24 });
      p.put(`出生日期：${fmtDate(who.birth, 'cn')}`, 420, y, { size: 24 });
      p.put(`身份证件号：${who.id}`, 760, y, { size: 22 });
      y += 48;
    }
    p.put(`证件字号：${number}`, 130, y, { size: 24 });
    p.put(`登记机关：深圳市${DISTRICT[code]}民政局`, 620, y, { size: 24 });
    y += 80;
  };
  let n = 1;
  if (earlier) {
    const first = dateBetween(rng, low, addDays(reg, -1200));
    const split = dateBetween(rng, addDays(first, 400), addDays(reg, -200));
    const [m, w] = applicant === man ? [man, other] : [other, woman];
    block(`记录${n++}`, '结婚登记', first, m, w, certNo('J', code, first, rng));
    block(`记录${n++}`, '离婚登记', split, m, w, certNo('L', code, split, rng));
  }
  block(`记录${n}`, '结婚登记', reg, man, woman, no);
  p.put('    特此证明。', 110, y + 10, { size: 26 });
  p.put('（本证明仅反映婚姻登记信息系统中的记录情况，有效期三个月。）', 110, y + 70, { size: 21, color: '#444' });
  p.put(`深圳市${DISTRICT[code]}民政局`, 900, y + 200, { size: 26, align: 'center' });
  p.put(fmtDate(issue, 'cn'), 900, y + 250, { size: 26, align: 'center' });
  p.seal(900, y + 210, 120, `深圳市${DISTRICT[code]}民政局`, '婚姻登记专用章', rng);
  return { paper: p, layout: earlier ? 'marriage-record-remarried' : 'marriage-record-letter', fields: { registrationDate: reg, certificateNumber: no, party1Name: man.name, party1Gender: '男', party1BirthDate: man.birth, party1IdNumber: man.id, party2Name: woman.name, party2Gender: '女', party2BirthDate: woman.birth, party2IdNumber: woman.id } };
}

export function drawMarriage(rng: Rng): Made {
  const r = rng.next();
  return r < 0.45 ? innerPage(rng) : r < 0.7 ? booklet(rng) : recordLetter(rng);
}
