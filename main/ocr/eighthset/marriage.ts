// Marriage papers: the 2004-style 结婚证 page with 持证人 / 登记日期 / 结婚证字号 in a box at the top and
// the parties in a two-column table (国籍, 身份证件号); a 离婚证 (its truth is about that certificate:
// holder, registrationDate = 登记日期, certificateNumber L…); a 结婚登记审查处理表 form.
import type { Rng } from '../../../domain/seed/prng';
import type { FieldValues } from '../../../domain/ocr/fields';
import { form } from './form';
import { made, Paper, type Made, type Style } from './paper';
import { dateIn, person, region, writeDate, type DateStyle, type Person } from './people';

interface Couple {
  readonly man: Person;
  readonly woman: Person;
  readonly date: string;
  readonly code: string;
  readonly place: string;
}

function couple(rng: Rng): Couple {
  const reg = region(rng);
  const man = person(rng, { sex: '男', from: 1965, to: 1998, code: reg.code });
  const woman = person(rng, { sex: '女', from: 1967, to: 2000, code: rng.chance(0.7) ? reg.code : region(rng).code });
  const young = [man.birth, woman.birth].sort()[1]!;
  const from = Math.max(Number(young.slice(0, 4)) + 22, 2005);
  return { man, woman, date: dateIn(rng, Math.min(from, 2026), 2026), code: reg.code, place: reg.place };
}

const number = (rng: Rng, c: Couple, prefix: string) => `${prefix}${c.code}-${c.date.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;

function parties(c: Couple, ids = true): FieldValues {
  return {
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birth,
    ...(ids ? { party1IdNumber: c.man.id } : {}),
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birth,
    ...(ids ? { party2IdNumber: c.woman.id } : {}),
  };
}

function booklet(rng: Rng, mono: boolean): Made {
  const c = couple(rng);
  const p = new Paper(180, 128, mono, 300, '#fff8f4');
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const cert = number(rng, c, rng.chance(0.2) ? 'BJ' : 'J');
  const ds: DateStyle = rng.pick(['cn', 'cn0', 'han']);
  const label: Style = { face: 'serif', pt: 9.5 };
  const value: Style = { face: rng.chance(0.5) ? 'serifBold' : 'pxzs', pt: 10.5 };
  p.rect(8, 8, 164, 32, 0.5, '#8a2a2a');
  p.pair('持证人', holder.name, 14, 18, label, value, 4);
  p.pair('登记日期', writeDate(c.date, ds), 86, 18, label, value, 4);
  p.pair('结婚证字号', cert, 14, 32, label, { ...value, face: 'serif' }, 4);
  p.text('备注', 130, 32, label);
  const head: Style = { face: 'serifBold', pt: 9.5 };
  const cell: Style = { face: value.face, pt: 10 };
  const rows = [
    ['', '男 方', '女 方'],
    ['姓名', c.man.name, c.woman.name],
    ['性别', '男', '女'],
    ['国籍', '中国', '中国'],
    ['出生日期', writeDate(c.man.birth, ds), writeDate(c.woman.birth, ds)],
    ['身份证件号', c.man.id, c.woman.id],
  ];
  p.table(8, 46, [32, 66, 66], rows, 11, cell, head);
  p.text('婚姻登记员：', 110, 122, { face: 'serifXL', pt: 8.5 });
  p.seal(156, 25, 13, `${c.place.replace(/^.*市/, '')}民政局婚姻登记专用章`);
  return made(p, { holder: holder.name, registrationDate: c.date, certificateNumber: cert, ...parties(c) }, 'booklet-2004');
}

function divorce(rng: Rng, mono: boolean): Made {
  const c = couple(rng);
  const p = new Paper(128, 180, mono, 300, '#f6fbf4');
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const cert = number(rng, c, 'L');
  const label: Style = { face: 'serifXL', pt: 9 };
  const value: Style = { face: rng.chance(0.5) ? 'mashan' : 'pxzs', pt: 11, color: '#162034' };
  p.text('离 婚 证', 64, 18, { face: 'serifBlack', pt: 20, align: 'center', spacing: 3 });
  let y = 34;
  const line = (l: string, v: string) => {
    p.pair(l, v, 12, y, label, value, 3);
    y += 8.5;
  };
  line('持证人', holder.name);
  line('登记日期', writeDate(c.date, 'cn'));
  p.pair('离婚证字号', cert, 12, y, label, { face: 'pxzs', pt: 10.5 }, 3);
  y += 8.5;
  p.line(10, y - 4, 118, y - 4, 0.2, '#6a6');
  y += 3;
  for (const who of [c.man, c.woman]) {
    line('姓名', who.name);
    p.text(`性别 ${who.sex}`, 80, y - 8.5, value);
    line('国籍', '中国');
    line('出生日期', writeDate(who.birth, 'cn'));
    line('身份证件号', who.id);
    y += 4;
  }
  p.text('登记机关', 12, y + 6, label);
  p.seal(90, y + 4, 14, `${c.place.replace(/^.*市/, '')}民政局婚姻登记专用章`);
  return made(p, { holder: holder.name, registrationDate: c.date, certificateNumber: cert, ...parties(c) }, 'divorce-certificate');
}

function review(rng: Rng, mono: boolean): Made {
  const c = couple(rng);
  const p = new Paper(210, 200, mono);
  const cert = number(rng, c, 'J');
  p.text('结婚登记审查处理表', 105, 18, { face: 'serifBold', pt: 16, align: 'center', spacing: 1 });
  const label: Style = { face: 'serif', pt: 9 };
  const value: Style = { face: 'pxzs', pt: 10 };
  const cells: Style = { ...value, align: 'left' };
  let y = p.table(12, 30, [36, 75, 75], [
    ['当事人', '男方', '女方'],
    ['姓名', c.man.name, c.woman.name],
    ['出生日期', writeDate(c.man.birth, 'cn0'), writeDate(c.woman.birth, 'cn0')],
    ['身份证件号', c.man.id, c.woman.id],
    ['国籍', '中国', '中国'],
    ['民族', c.man.ethnicity, c.woman.ethnicity],
    ['职业', rng.pick(['职员', '教师', '个体']), rng.pick(['职员', '护士', '自由职业'])],
  ], 10, cells, { ...label, align: 'left' });
  y = form(p, 12, y + 4, 186, 12, [
    [['审查意见', '符合结婚条件，准予登记。']],
    [['登记日期', writeDate(c.date, 'cn')], ['结婚证字号', cert, 1.5]],
    [['登记员签名', ''], ['当事人签名', '']],
  ], label, value);
  p.text(`${c.place}民政局婚姻登记处`, 198, y + 12, { face: 'serif', pt: 9, align: 'right' });
  return made(p, { registrationDate: c.date, certificateNumber: cert, ...parties(c) }, 'review-form');
}

export function drawMarriage(rng: Rng, mono: boolean): Made {
  const u = rng.next();
  return u < 0.4 ? booklet(rng, mono) : u < 0.7 ? divorce(rng, mono) : review(rng, mono);
}
