// 不动产 papers: the 不动产登记资料查询结果证明 letter (查询结果 有/无 登记记录) and the 个人住房信息
// 查询结果 with a table of records (or a 无记录 row). hasProperty is 有 when the page lists a record.
import type { Rng } from '../../../domain/seed/prng';
import { addYears, dateBetween, person, shenzhenAddress } from './people';
import { Paper, table, type Made } from './paper';
import { fmtDate } from './wording';

const certNo = (rng: Rng, year: number) => `粤（${year}）深圳市不动产权第${String(rng.int(1, 399999)).padStart(7, '0')}号`;

function letter(rng: Rng): Made {
  const who = person(rng);
  const issue = dateBetween(rng, '2026-08-01', '2026-11-28');
  const has = rng.chance(0.4);
  const p = new Paper();
  p.put('不动产登记资料查询结果证明', 620, 160, { size: 42, face: 'serifBold', align: 'center' });
  p.put(`查询编号：SZCX${issue.replace(/-/g, '')}${rng.int(100000, 999999)}`, 1130, 230, { size: 21, align: 'right' });
  const x = [100, 330, 620, 820, 1140];
  let y = table(p, x, 270, 76, [
    ['查询申请人', who.name, '证件类型', '居民身份证'],
    ['证件号码', who.id, '查询目的', '住房保障申请'],
    ['查询范围', '深圳市行政区域', '查询方式', rng.pick(['窗口查询', '自助机查询', '网上查询'])],
  ], { size: 24 });
  y += 80;
  p.put('查询结果：', 100, y, { size: 27, face: 'serifBold' });
  y += 60;
  if (has) {
    const addr = shenzhenAddress(rng);
    p.put(`    经查询，截至${fmtDate(issue, 'cn')}，申请人在本市不动产登记簿中有以下登记记录：`, 100, y, { size: 25, face: 'serif' });
    y += 50;
    y = table(p, [100, 420, 840, 980, 1140], y, 62, [['不动产权证号', '坐落', '面积(㎡)', '权利性质'], [certNo(rng, rng.int(Math.max(2012, Number(who.birth.slice(0, 4)) + 22), 2024)), addr.full.replace('广东省深圳市', ''), (rng.int(4500, 12500) / 100).toFixed(2), '市场商品房']], { size: 20, header: true });
    y += 40;
  } else {
    p.put(`    经查询，截至${fmtDate(issue, 'cn')}，申请人在本市不动产登记簿中无登记记录。`, 100, y, { size: 25, face: 'serif' });
    y += 60;
  }
  p.put('    本证明仅反映查询时点本市不动产登记簿记载情况，不作其他用途。', 100, y + 20, { size: 23, face: 'serif', color: '#333' });
  p.put('深圳市不动产登记中心', 900, y + 220, { size: 26, align: 'center' });
  p.put(fmtDate(issue, 'cnShort'), 900, y + 270, { size: 26, align: 'center' });
  p.seal(900, y + 220, 120, '深圳市不动产登记中心', '查询专用章', rng);
  return { paper: p, layout: has ? 'property-letter-has' : 'property-letter-none', fields: { name: who.name, idNumber: who.id, hasProperty: has ? '有' : '无', date: issue } };
}

function housingTable(rng: Rng): Made {
  const who = person(rng);
  const spouse = rng.chance(0.5) ? person(rng, { sex: who.sex === '男' ? '女' : '男' }) : undefined;
  const issue = dateBetween(rng, '2026-08-01', '2026-11-28');
  const n = rng.chance(0.45) ? rng.int(1, 3) : 0;
  const p = new Paper(1754, 1240);
  p.put('个人住房信息查询结果', 877, 90, { size: 38, face: 'bold', align: 'center' });
  p.put(`查询时间：${fmtDate(issue, 'dash')} ${rng.int(9, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`, 1690, 150, { size: 21, align: 'right' });
  p.put(`被查询人：${who.name}`, 70, 150, { size: 23 });
  p.put(`身份证号：${who.id}`, 420, 150, { size: 23 });
  if (spouse) p.put(`配偶：${spouse.name}  ${spouse.id}`, 70, 192, { size: 21, color: '#333' });
  const x = [60, 140, 320, 700, 1180, 1330, 1480, 1690];
  const head = ['序号', '权利人', '不动产权证号/合同号', '房屋坐落', '建筑面积(㎡)', '房屋性质', '登记日期'];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const adult = addYears(who.birth, 22);
    const when = dateBetween(rng, adult > '2008-01-01' ? adult : '2008-01-01', '2025-12-31');
    rows.push([String(i + 1), who.name, certNo(rng, Number(when.slice(0, 4))), shenzhenAddress(rng).full.replace('广东省', ''), (rng.int(3800, 14000) / 100).toFixed(2), rng.pick(['商品房', '商品房', '房改房', '安居型商品房']), fmtDate(when, 'dash')]);
  }
  if (!n) rows.push(['', '无记录', '', '', '', '', '']);
  const y = table(p, x, 230, 58, [head, ...rows], { size: 20, header: true, align: ['center', 'center', 'left', 'left', 'right', 'center', 'center'] });
  p.put(`查询结果：${n ? `共${n}条住房登记记录` : '被查询人在本市无住房登记记录'}`, 70, y + 70, { size: 25, face: 'bold' });
  p.put('说明：本结果依据深圳市不动产登记信息及商品房买卖合同备案信息生成，仅供住房保障资格审核使用。', 70, y + 120, { size: 20, color: '#444' });
  p.seal(1450, y + 170, 100, '深圳市住房和建设局', '住房信息查询专用章', rng);
  return { paper: p, layout: n ? 'property-housing-records' : 'property-housing-none', fields: { name: who.name, idNumber: who.id, hasProperty: n ? '有' : '无', date: issue } };
}

export function drawProperty(rng: Rng): Made {
  return rng.chance(0.5) ? letter(rng) : housingTable(rng);
}
