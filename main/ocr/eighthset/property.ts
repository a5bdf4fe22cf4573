// 不动产登记信息查询结果 prints: one whose 查询结果 line reads "经查询，截至…，在本市范围内未发现……
// 登记信息" (no property), one listing two records in a table (property held). Truth date = 出具日期.
import type { Rng } from '../../../domain/seed/prng';
import { made, Paper, type Made, type Style } from './paper';
import { dateIn, person, region, writeDate, type DateStyle } from './people';

const CITIES: Readonly<Record<string, string>> = { 广东: '粤', 北京: '京', 上海: '沪', 江苏: '苏', 浙江: '浙', 湖北: '鄂', 四川: '川', 新疆: '新', 山东: '鲁' };

function query(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1960, to: 2002 });
  const reg = region(rng);
  const street = reg.address.replace(/^.*?区/, '').replace(/\d.*$/, '');
  const city = reg.place.replace(/^.*?(省|自治区)/, '').split('市')[0]!;
  const abbr = CITIES[reg.place.slice(0, 2)] ?? '粤';
  const issued = dateIn(rng, 2026, 2026);
  const has = rng.chance(0.5);
  const ds: DateStyle = rng.pick(['cn', 'cn0']);
  const p = new Paper(210, 260, mono);
  const f: Style = { face: rng.pick(['serif', 'pxzs', 'serifXL'] as const), pt: 10.5 };
  const b: Style = { ...f, face: 'serifBold' };
  p.text('不动产登记信息查询结果', 105, 24, { face: 'serifBlack', pt: 17, align: 'center', spacing: 1.8 });
  p.text(`查询编号：CX${issued.replace(/-/g, '')}${String(rng.int(1000, 9999))}`, 196, 34, { face: 'serifXL', pt: 8.5, align: 'right' });
  let y = p.table(16, 40, [30, 148], [
    ['查询申请人', who.name],
    ['证件类型', '居民身份证'],
    ['证件号码', who.id],
    ['查询目的', '申请住房保障'],
    ['查询范围', `${city}市行政区域内`],
  ], 10, { ...f, align: 'left' }, { ...f, align: 'left' });
  y += 12;
  p.text('查询结果：', 16, y, b);
  const cut = writeDate(issued, ds);
  if (!has) {
    y = p.para(['经查询，截至', [cut], '，在本市范围内未发现', [who.name], '（证件号码：', [who.id], '）名下的不动产登记信息。'], 16, y + 9, 178, f, 8.5, 8);
  } else {
    y = p.para(['经查询，截至', [cut], '，', [who.name], '名下在本市范围内有以下2条不动产登记信息：'], 16, y + 9, 178, f, 8.5, 8);
    const rows = [0, 1].map((i) => {
      const yr = rng.int(2008, 2024);
      const use = i === 0 ? '住宅' : rng.pick(['住宅', '车位', '商业']);
      const unit = use === '车位' ? `地下负一层${rng.int(1, 300)}号车位` : use === '商业' ? `首层${rng.int(1, 20)}号商铺` : `${rng.int(1, 30)}栋${rng.int(1, 28)}0${rng.int(1, 8)}房`;
      const area = use === '车位' ? `${rng.int(11, 15)}.${rng.int(10, 99)}㎡` : `${rng.int(45, 140)}.${rng.int(10, 99)}㎡`;
      return [String(i + 1), `${abbr}(${yr})${city}市不动产权第${String(rng.int(1, 9999999)).padStart(7, '0')}号`, `${street}${rng.int(1, 300)}号${unit}`, area, use, String(yr)];
    });
    y = p.table(16, y, [10, 62, 52, 22, 14, 18], [['序号', '不动产权证号', '坐落', '建筑面积', '用途', '登记年份'], ...rows], 11, { ...f, pt: 8 }, { ...b, pt: 8.5 }) + 8;
  }
  p.text('注：1.本结果仅反映查询时点登记簿记载的信息；2.查询结果有效期30日。', 16, y + 6, { face: 'serifXL', pt: 8 });
  p.text(`${city}市不动产登记中心`, 190, y + 30, { ...f, align: 'right' });
  p.pair('出具日期：', writeDate(issued, ds), 130, y + 50, f, f, 0);
  p.seal(168, y + 24, 17, `${city}市不动产登记中心查询专用章`);
  return made(p, { name: who.name, idNumber: who.id, hasProperty: has ? '有' : '无', date: issued }, has ? 'query-two-records' : 'query-none');
}

export function drawProperty(rng: Rng, mono: boolean): Made {
  return query(rng, mono);
}
