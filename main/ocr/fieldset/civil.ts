// 户口簿 / 户籍 and 结婚证 pages of the field set.
import type { Rng } from '../../../domain/seed/prng';
import { type Cell, type Drawn, grid, labelled, stackedGrid, title } from './draw';
import { BLACK, SANS } from './fonts';
import { address, formatDate, isoDate, person, type Person, personName, pickDateStyle, randomDate } from './people';
import { Sheet } from './sheet';

const RELATIONS: Record<string, '男' | '女' | undefined> = { 户主: undefined, 妻: '女', 夫: '男', 长子: '男', 次子: '男', 长女: '女', 次女: '女', 子: '男', 女: '女', 父: '男', 母: '女', 孙子: '男', 孙女: '女' };
const PLACES = ['广东省深圳市', '广东省揭阳市', '湖南省长沙市', '江西省赣州市', '广东省梅州市', '湖北省黄冈市', '广西壮族自治区桂林市', '四川省南充市'];
const v = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, value: true, ...extra });
const l = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });

function hukouPerson(rng: Rng): { p: Person; relation: string; head: string } {
  const relation = rng.pick(Object.keys(RELATIONS));
  const young = /子|女|孙/.test(relation);
  const old = relation === '父' || relation === '母';
  const p = person(rng, { sex: RELATIONS[relation], from: young ? 1985 : old ? 1940 : 1955, to: young ? 2012 : old ? 1968 : 1995 });
  const head = relation === '户主' ? p.name : personName(rng, rng.chance(0.7) ? '男' : '女', /子|女|孙/.test(relation) ? p.name.slice(0, 1) : undefined);
  return { p, relation, head };
}

export function drawHukou(rng: Rng, hand: boolean): Drawn {
  const { p, relation, head } = hukouPerson(rng);
  const addr = address(rng);
  const style = pickDateStyle(rng, false);
  const regDate = randomDate(rng, 2008, 2024);
  const fields = { name: p.name, relation, gender: p.sex, birthDate: p.birth, idNumber: p.idNumber, ethnicity: `${p.ethnicity}族`, address: addr };
  const eth = rng.chance(0.8) ? p.ethnicity : `${p.ethnicity}族`;
  const layout = rng.pick(['card-grid', 'spread', 'certificate', 'stacked-cells']);
  const birthPlace = rng.pick(PLACES);
  const married = ['妻', '夫', '父', '母'].includes(relation) ? '已婚' : undefined;
  const police = `深圳市公安局${rng.pick(['福田', '罗湖', '南山', '宝安', '龙岗', '龙华'])}分局`;
  if (layout === 'card-grid') {
    const sheet = new Sheet(1240, 900, '#fbf7ef');
    title(sheet, 40, '常住人口登记卡', 44, rng);
    const [y4, m, d] = p.birth.split('-');
    const cols = [170, 300, 220, 470];
    const birthText = rng.chance(0.5) ? formatDate(p.birth, style) : `${y4}年${m}月${d}日`;
    let y = grid(
      sheet,
      40,
      120,
      cols,
      62,
      [
        [l('姓名'), v(p.name, { hand }), l('户主或与户主关系'), v(relation)],
        [l('曾用名'), v(''), l('性别'), v(p.sex)],
        [l('出生地'), v(birthPlace), l('民族'), v(eth)],
        [l('籍贯'), v(birthPlace.replace(/市$/, '')), l('出生日期'), v(birthText)],
        [l('住址'), v(addr, { span: 3 })],
        [l('宗教信仰'), v('无'), l('公民身份号码'), v(p.idNumber)],
        [l('身高'), v(`${p.sex === '男' ? rng.int(162, 185) : rng.int(150, 172)}cm`), l('血型'), v(rng.pick(['A型', 'B型', 'O型', 'AB型', '不明']))],
        [l('文化程度'), v(rng.pick(['大学本科', '大学专科', '高中', '初中', '研究生'])), l('婚姻状况'), v(married ?? rng.pick(['已婚', '未婚']))],
        [l('服务处所'), v(rng.chance(0.5) ? '深圳市' + rng.pick(['某科技公司', '福田区教育局', '人民医院']) : ''), l('职业'), v(rng.pick(['职员', '工程师', '教师', '个体经营', '']))],
      ],
      22,
    );
    y += 30;
    sheet.text(60, y, '承办人签章：', { size: 22 });
    sheet.text(700, y, `登记日期：${formatDate(regDate, style)}`, { size: 22 });
    return { sheet, fields, layout, issuer: police };
  }
  if (layout === 'stacked-cells') {
    // a newer card: four columns of cells, each with its label above the value
    const sheet = new Sheet(1240, 820, '#fffdf8');
    title(sheet, 36, '常住人口登记卡', 40, rng);
    sheet.text(1180, 100, `户号：${rng.int(100000000, 999999999)}`, { size: 20, align: 'right' });
    let y = stackedGrid(
      sheet,
      50,
      140,
      [285, 285, 285, 285],
      96,
      [
        [
          { label: '姓名', value: p.name, hand },
          { label: '户主或与户主关系', value: relation },
          { label: '性别', value: p.sex },
          { label: '民族', value: eth },
        ],
        [
          { label: '出生日期', value: formatDate(p.birth, style) },
          { label: '出生地', value: birthPlace },
          { label: '公民身份号码', value: p.idNumber, span: 2 },
        ],
        [{ label: '住址', value: addr, span: 4 }],
        [
          { label: '文化程度', value: rng.pick(['大学本科', '大专', '高中', '初中']) },
          { label: '婚姻状况', value: married ?? rng.pick(['已婚', '未婚']) },
          { label: '兵役状况', value: rng.pick(['未服兵役', '退出现役', '']) },
          { label: '职业', value: rng.pick(['职员', '教师', '工人', '']) },
        ],
      ],
      18,
      26,
    );
    y += 40;
    sheet.text(70, y, `登记事项变更和更正记载：`, { size: 20 });
    sheet.text(1170, y + 50, `${police}  ${formatDate(regDate, style)}`, { size: 20, align: 'right' });
    return { sheet, fields, layout, issuer: police };
  }
  if (layout === 'spread') {
    const page = 820;
    const gutter = 60;
    const sheet = new Sheet(page * 2 + gutter, 1020, '#f7f2e6');
    sheet.ctx.fillStyle = '#d8d2c2';
    sheet.ctx.fillRect(page, 0, gutter, sheet.height);
    sheet.line(page + gutter / 2, 0, page + gutter / 2, sheet.height, 2, '#9a927e');
    // left page: the household
    sheet.text(page / 2, 50, '户 口 簿', { size: 40, family: BLACK, align: 'center' });
    const hhNo = String(rng.int(100000000, 999999999));
    let y = grid(
      sheet,
      40,
      130,
      [160, 580],
      66,
      [
        [l('户别'), v(rng.pick(['家庭户', '家庭户', '集体户']))],
        [l('户主姓名'), v(head, { hand: hand && relation === '户主' })],
        [l('户号'), v(hhNo)],
        [l('住址'), v(addr)],
      ],
      22,
    );
    y += 40;
    sheet.text(60, y, `${police}户口专用章`, { size: 20, color: '#333' });
    sheet.text(60, y + 50, `承办人签章：${personName(rng, rng.chance(0.5) ? '男' : '女')}`, { size: 20 });
    sheet.text(60, y + 100, `签发日期：${formatDate(regDate, style)}`, { size: 20 });
    // right page: the member's card
    sheet.region = 1;
    const x0 = page + gutter + 40;
    sheet.text(page + gutter + page / 2, 50, '常住人口登记卡', { size: 34, family: BLACK, align: 'center' });
    grid(
      sheet,
      x0,
      130,
      [190, 230, 190, 130],
      60,
      [
        [l('姓名'), v(p.name, { hand: hand && relation !== '户主' }), l('户主或与户主关系'), v(relation)],
        [l('性别'), v(p.sex), l('民族'), v(eth)],
        [l('出生日期'), v(formatDate(p.birth, style), { span: 3 })],
        [l('出生地'), v(birthPlace, { span: 3 })],
        [l('公民身份号码'), v(p.idNumber, { span: 3 })],
        [l('文化程度'), v(rng.pick(['大学', '高中', '初中', '中专'])), l('婚姻状况'), v(married ?? rng.pick(['已婚', '未婚', '丧偶']))],
        [l('何时由何地迁来本市（县）', { span: 2 }), v(rng.chance(0.5) ? `${rng.int(1998, 2020)}年${rng.int(1, 12)}月由${rng.pick(PLACES).replace(/^广西壮族自治区/, '广西')}迁来` : '', { span: 2 })],
      ],
      20,
    );
    return { sheet, fields, layout, issuer: police };
  }
  // certificate: a 户籍证明 letter from the police station
  const sheet = new Sheet(1100, 1400);
  const station = `${police}${rng.pick(['莲花', '华富', '粤海', '新安', '布吉', '民治'])}派出所`;
  title(sheet, 90, '户籍证明', 48, rng);
  sheet.text(980, 170, `编号：${rng.int(2019, 2024)}${String(rng.int(1, 9999)).padStart(5, '0')}`, { size: 20, align: 'right' });
  const bd = formatDate(p.birth, style);
  let y = 240;
  const prose = rng.chance(0.5);
  if (prose) {
    y = sheet.paragraph(110, y, 880, `兹证明：${p.name}，${p.sex}，${p.ethnicity}族，${bd}出生，公民身份号码：${p.idNumber}，户籍地址：${addr}。`, { size: 28, indent: 2 });
    y = sheet.paragraph(110, y, 880, `该人户口登记在我所辖区，户主为${head}，与户主关系：${relation}。`, { size: 28, indent: 2 });
  } else {
    sheet.text(110, y, '经查，下列人员户口登记于我所辖区，登记信息如下：', { size: 26 });
    y += 60;
    for (const [label, value] of [
      ['姓名：', p.name],
      ['性别：', p.sex],
      ['民族：', `${p.ethnicity}族`],
      ['出生日期：', bd],
      ['公民身份号码：', p.idNumber],
      ['与户主关系：', relation],
      ['住址：', addr],
    ] as const) {
      labelled(sheet, 150, y, label, value, 26, { hand: hand && label === '姓名：' });
      y += 56;
    }
  }
  y = sheet.paragraph(110, y + 20, 880, '特此证明。本证明仅用于办理住房保障相关业务，有效期三个月。', { size: 26, indent: 2 });
  sheet.text(960, y + 80, station, { size: 26, align: 'right' });
  sheet.text(960, y + 140, formatDate(isoDate(rng.int(2023, 2025), rng.int(1, 12), rng.int(1, 28)), style === 'iso' ? 'cn' : style), { size: 26, align: 'right' });
  return { sheet, fields, layout, issuer: police };
}

export function drawMarriage(rng: Rng, hand: boolean): Drawn {
  // one certificate in five is an older one (1990s / early 2000s), filled in by hand
  const old = rng.chance(0.2);
  const husband = person(rng, { sex: '男', from: old ? 1950 : 1960, to: old ? 1978 : 2000 });
  const hy = Number(husband.birth.slice(0, 4));
  const wife = person(rng, { sex: '女', from: Math.max(1962, hy - 3), to: Math.min(2002, hy + 7) });
  const youngest = Math.max(Number(husband.birth.slice(0, 4)) + 22, Number(wife.birth.slice(0, 4)) + 20);
  const regDate = old ? randomDate(rng, Math.min(youngest, 2002), 2003) : randomDate(rng, Math.min(youngest, 2024), 2025);
  const region = rng.pick(['440303', '440304', '440305', '440306', '440307', '440309']);
  const district = rng.pick(['福', '罗', '南', '宝', '龙']);
  const certificateNumber = old ? `深${district}结字第${String(rng.int(1, 9999)).padStart(rng.pick([4, 5]), '0')}号` : `${rng.pick(['J', 'J', 'BJ'])}${region}-${regDate.slice(0, 4)}-${String(rng.int(1, 19999)).padStart(6, '0')}`;
  const holder = rng.chance(0.5) ? husband.name : wife.name;
  const fields = {
    holder,
    registrationDate: regDate,
    certificateNumber,
    party1Name: husband.name,
    party1Gender: '男',
    party1BirthDate: husband.birth,
    party1IdNumber: husband.idNumber,
    party2Name: wife.name,
    party2Gender: '女',
    party2BirthDate: wife.birth,
    party2IdNumber: wife.idNumber,
  };
  const order = rng.chance(0.6) ? [husband, wife] : [wife, husband];
  const style = pickDateStyle(rng, false);
  const layout = old ? 'old-handwritten' : rng.pick(['inner-photo', 'side-by-side', 'record-letter']);
  const bureau = `深圳市${rng.pick(['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '龙华区'])}民政局`;
  if (layout === 'old-handwritten') {
    // a 1990s certificate: a printed form whose blanks a clerk filled in by hand
    const sheet = new Sheet(1180, 900, '#f8efe0');
    sheet.rect(24, 24, 1132, 852, 4, '#a83232');
    sheet.rect(34, 34, 1112, 832, 1.2, '#a83232');
    sheet.text(590, 60, '结 婚 证', { size: 50, family: BLACK, align: 'center', color: '#a11' });
    let y = 160;
    const blank = (x: number, label: string, value: string, after = '') => {
      const end = labelled(sheet, x, y, label, value, 26, { hand: true, underline: 150 });
      if (after) sheet.text(end + 16, y, after, { size: 26 });
    };
    for (const p of order) {
      blank(90, p.sex === '男' ? '男方姓名' : '女方姓名', p.name);
      blank(560, '性别', p.sex);
      y += 64;
      blank(90, '出生日期', formatDate(p.birth, 'cn'));
      y += 64;
      blank(90, '身份证号', p.idNumber);
      y += 84;
    }
    sheet.paragraph(90, y, 1000, '申请结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，准予登记，发给此证。', { size: 26, indent: 2 });
    y += 120;
    blank(90, '持证人', holder);
    blank(560, '字号', certificateNumber);
    y += 70;
    blank(560, '登记日期', formatDate(regDate, rng.pick(['cn', 'cn0'] as const)));
    return { sheet, fields, layout, issuer: bureau };
  }
  if (layout === 'inner-photo') {
    const sheet = new Sheet(1300, 900, '#fdf4f0');
    sheet.rect(20, 20, 1260, 860, 3, '#b83a3a');
    // the photo box, two heads against red
    sheet.ctx.fillStyle = '#c8323a';
    sheet.ctx.fillRect(70, 70, 420, 290);
    sheet.ctx.fillStyle = '#f3e9e0';
    for (const cx of [200, 360]) {
      sheet.ctx.beginPath();
      sheet.ctx.arc(cx, 170, 55, 0, Math.PI * 2);
      sheet.ctx.fill();
      sheet.ctx.beginPath();
      sheet.ctx.ellipse(cx, 330, 95, 90, 0, Math.PI, 0);
      sheet.ctx.fill();
    }
    let y = 80;
    labelled(sheet, 560, y, '持证人', holder, 26, { hand });
    y += 70;
    labelled(sheet, 560, y, '登记日期', formatDate(regDate, style), 26);
    y += 70;
    labelled(sheet, 560, y, '结婚证字号', certificateNumber, 26);
    y += 70;
    sheet.text(560, y, '备注', { size: 26 });
    y = 420;
    for (const p of order) {
      labelled(sheet, 80, y, '姓名', p.name, 26);
      labelled(sheet, 560, y, '性别', p.sex, 26);
      y += 58;
      labelled(sheet, 80, y, '国籍', '中国', 26);
      labelled(sheet, 560, y, '出生日期', formatDate(p.birth, style), 26);
      y += 58;
      labelled(sheet, 80, y, '身份证件号', p.idNumber, 26);
      y += 90;
    }
    return { sheet, fields, layout, issuer: bureau };
  }
  if (layout === 'side-by-side') {
    const sheet = new Sheet(1240, 960, '#fff8f5');
    sheet.text(620, 50, '结 婚 证', { size: 48, family: BLACK, align: 'center', color: '#a11' });
    let y = 150;
    labelled(sheet, 90, y, '持证人：', holder, 24, { hand });
    labelled(sheet, 640, y, '登记日期：', formatDate(regDate, style), 24);
    y += 60;
    labelled(sheet, 90, y, '结婚证字号：', certificateNumber, 24);
    y += 70;
    const [a, b] = order as [Person, Person];
    y = grid(
      sheet,
      80,
      y,
      [200, 440, 440],
      66,
      [
        [l(''), l(a.sex === '男' ? '男方' : '女方'), l(b.sex === '男' ? '男方' : '女方')],
        [l('姓名'), v(a.name), v(b.name)],
        [l('性别'), v(a.sex), v(b.sex)],
        [l('国籍'), v('中国'), v('中国')],
        [l('出生日期'), v(formatDate(a.birth, style)), v(formatDate(b.birth, style))],
        [l('身份证件号'), v(a.idNumber), v(b.idNumber)],
      ],
      24,
    );
    sheet.text(620, y + 50, '婚姻登记机关：' + bureau, { size: 22, align: 'center' });
    return { sheet, fields, layout, issuer: bureau };
  }
  const sheet = new Sheet(1100, 1350);
  title(sheet, 90, '婚姻登记记录证明', 44, rng);
  let y = 200;
  sheet.text(110, y, `申请人（持证人）：${holder}`, { size: 26 });
  y += 70;
  const who = (p: Person) => `${p.name}（${p.sex}，${formatDate(p.birth, style)}出生，身份证件号：${p.idNumber}）`;
  y = sheet.paragraph(110, y, 880, `经查询婚姻登记档案，${who(order[0]!)}与${who(order[1]!)}于${formatDate(regDate, style)}在${bureau}婚姻登记处登记结婚，结婚证字号：${certificateNumber}。`, { size: 27, indent: 2 });
  y = sheet.paragraph(110, y + 10, 880, '特此证明。', { size: 27, indent: 2 });
  sheet.text(980, y + 90, `${bureau}婚姻登记处`, { size: 26, align: 'right', family: SANS });
  sheet.fill(980, y + 150, formatDate(isoDate(rng.int(2024, 2025), rng.int(1, 12), rng.int(1, 28)), 'cn'), { size: 26, align: 'right', hand });
  return { sheet, fields, layout, issuer: bureau };
}
