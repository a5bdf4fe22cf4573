import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_RELATIONS, snapAddress, snapPlacePrefix, snapProvince, snapToVocabulary, unknownStreet } from './vocab';

const r = (text: string, confidence = 80) => ({ text, confidence });

describe('snapToVocabulary (household relations)', () => {
  it('takes the entry the readings vote for, even when other readings are wrong', () => {
    const s = snapToVocabulary([r('芒', 20), r('子', 90), r('予', 30)], HOUSEHOLD_RELATIONS);
    expect(s).toMatchObject({ text: '子', inVocabulary: true });
    expect(s.confidence).toBeLessThan(0.5);
  });
  it('is confident when every reading agrees on an entry', () => {
    expect(snapToVocabulary([r('户主', 95), r('户主', 95), r('户主', 95)], HOUSEHOLD_RELATIONS).confidence).toBeGreaterThan(0.9);
  });
  it('snaps a two-character reading one edit from exactly one entry', () => {
    expect(snapToVocabulary([r('雇主'), r('雇主')], HOUSEHOLD_RELATIONS)).toMatchObject({ text: '户主', inVocabulary: true });
  });
  it('does not guess a lone unknown character: every one-character entry is one edit away', () => {
    const s = snapToVocabulary([r('芒'), r('芒')], HOUSEHOLD_RELATIONS);
    expect(s).toMatchObject({ text: '芒', inVocabulary: false });
    expect(s.confidence).toBeLessThanOrEqual(0.3);
  });
  it('does not snap when two entries are equally close', () => {
    // 长X is one edit from both 长子 and 长女.
    expect(snapToVocabulary([r('长乂')], HOUSEHOLD_RELATIONS)).toMatchObject({ text: '长乂', inVocabulary: false });
  });
  it('returns nothing for empty readings', () => {
    expect(snapToVocabulary([r(''), r('')], HOUSEHOLD_RELATIONS)).toEqual({ text: '', inVocabulary: false, confidence: 0 });
  });
  it('holds the real vocabulary, not only what the test certificates print', () => {
    for (const w of ['配偶', '长子', '次女', '孙子', '外孙女', '儿媳', '女婿', '岳母', '兄', '非亲属']) expect(HOUSEHOLD_RELATIONS).toContain(w);
  });
});

describe('leading place names of an address or employer', () => {
  it('snaps 广东省深圳市 and a Shenzhen district misread by one character, and nothing else', () => {
    expect(snapPlacePrefix('三东省深圳市龙岗区平湖街道')).toEqual({ text: '广东省深圳市龙岗区平湖街道', changed: true });
    expect(snapPlacePrefix('广东省深寺市龙岗区横岗街道').text).toBe('广东省深圳市龙岗区横岗街道');
    expect(snapPlacePrefix('深圳市福曙区园岭小学')).toEqual({ text: '深圳市福田区园岭小学', changed: true });
    // One edit from two districts: the street decides, and without one nothing is guessed.
    expect(snapPlacePrefix('广东省深圳市龙争区民治街道南海大道118号').text).toBe('广东省深圳市龙华区民治街道南海大道118号');
    expect(snapPlacePrefix('广东省深圳市龙争区平湖街道').text).toBe('广东省深圳市龙岗区平湖街道');
    expect(snapPlacePrefix('广东省深圳市龙争区南海大道118号').changed).toBe(false);
    // Right as read, another province, another city, or two districts equally near: left alone.
    expect(snapPlacePrefix('广东省深圳市福田区华富街道')).toEqual({ text: '广东省深圳市福田区华富街道', changed: false });
    expect(snapPlacePrefix('山东省济南市历下区').changed).toBe(false);
    expect(snapPlacePrefix('广东省广州市天河区').changed).toBe(false);
    // 深圳市 with one character misread, or after a stray character; 深州市 is a city of Hebei.
    expect(snapPlacePrefix('澳圳市鹏达家居用品股份有限公司').text).toBe('深圳市鹏达家居用品股份有限公司');
    expect(snapPlacePrefix('深珊市佳美家政服务有限公司').text).toBe('深圳市佳美家政服务有限公司');
    expect(snapPlacePrefix('沃深圳市瑞丰印刷包装有限公司')).toEqual({ text: '深圳市瑞丰印刷包装有限公司', changed: true });
    expect(snapPlacePrefix('深州市前磨头镇').changed).toBe(false);
    expect(snapPlacePrefix('深圳宝安区中心医院').text).toBe('深圳市宝安区中心医院');
    expect(snapPlacePrefix('深圳星河湾科技股份有限公司').changed).toBe(false);
    expect(snapPlacePrefix('深圳市龙山区').changed).toBe(false);
    // Read small: 深圳's 市 misread before a district one edit away, or both characters of 深圳 misread
    // before a district no other city has (南山区 is also Hegang's: that city is left as read).
    expect(snapPlacePrefix('广东省深圳伟罗浦区东门街道东门花园社区')).toEqual({ text: '广东省深圳市罗湖区东门街道东门花园社区', changed: true });
    expect(snapPlacePrefix('家制市罗湖区环境卫生管理中心')).toEqual({ text: '深圳市罗湖区环境卫生管理中心', changed: true });
    expect(snapPlacePrefix('鹤岗市南山区').changed).toBe(false);
    expect(snapPlacePrefix('广州市天河区体育西路').changed).toBe(false);
    expect(snapPlacePrefix('深圳湾科技生态园').changed).toBe(false);
    // 深圳 before one of its places without 市, its 圳 misread (深划前海…); 深州 and 深圳 itself stay.
    expect(snapPlacePrefix('深划前海金融服务有限公司')).toEqual({ text: '深圳前海金融服务有限公司', changed: true });
    expect(snapPlacePrefix('深列南山科技有限公司').text).toBe('深圳南山科技有限公司');
    expect(snapPlacePrefix('深州前海酒业').changed).toBe(false);
    expect(snapPlacePrefix('深度前沿科技有限公司').changed).toBe(false);
    // One character of 深圳 lost before 市, a Shenzhen district after it; without one, nothing is guessed.
    expect(snapPlacePrefix('广东省深市光明区凤凰街道').text).toBe('广东省深圳市光明区凤凰街道');
    expect(snapPlacePrefix('圳市福田区园岭小学').text).toBe('深圳市福田区园岭小学');
    expect(snapPlacePrefix('深市场监督管理局').changed).toBe(false);
    expect(snapPlacePrefix('深前海金融服务有限公司').text).toBe('深圳前海金融服务有限公司');
    // Two characters before 市 that no city in China has, none of them where a Guangdong city has it: 深圳 misread.
    expect(snapPlacePrefix('汉期市鹏城物业管理有限公司')).toEqual({ text: '深圳市鹏城物业管理有限公司', changed: true });
    expect(snapPlacePrefix('保就市福田区同岭小学').text).toBe('深圳市福田区同岭小学');
    expect(snapPlacePrefix('广东省温贡市基于区').text).toBe('广东省深圳市基于区');
    // A real city (county-level ones too), one character from a Guangdong city, or a word with 市 stays.
    for (const kept of ['武汉市洪山区', '昆山市玉山镇', '义乌市小商品城', '北京市海淀区', '东芜市长安镇', '新城市广场有限公司', '华润超市有限公司']) expect(snapPlacePrefix(kept).changed).toBe(false);
  });
});

describe('addresses by their grammar', () => {
  it('snaps a street one edit from one of its district\'s, a village lane and a building, and leaves the rest', () => {
    expect(snapAddress('广东省深圳市福田区香富湖街道白石洲村8想27号')).toEqual({ text: '广东省深圳市福田区香蜜湖街道白石洲村8巷27号', changed: true });
    // A street that lost a character: the one street of the district it could be, or (观湖 or 观澜?) the one its community is named from.
    expect(snapAddress('广东省深圳市南山区招街道招商社区').text).toBe('广东省深圳市南山区招商街道招商社区');
    expect(snapAddress('广东省深圳市龙华区观街道观湖翠湖社区创业路2833号').text).toBe('广东省深圳市龙华区观湖街道观湖翠湖社区创业路2833号');
    expect(snapAddress('广东省深圳市龙华区观街道翠湖社区').changed).toBe(false);
    // 道 read as a character built like it after one of the district's streets; 东门街 before another word stays.
    expect(snapAddress('广东省深圳市罗湖区东门街通东门滨海社区建设路174号').text).toBe('广东省深圳市罗湖区东门街道东门滨海社区建设路174号');
    expect(snapAddress('广东省深圳市罗湖区东门街东门滨海社区').changed).toBe(false);
    // 凤凰 with 凤 read as 风, a wing's 座 read as 率 after its letter.
    expect(snapAddress('深圳市龙岗区坂田街道梅林路352号安居风凰苑23栋2902房').text).toBe('深圳市龙岗区坂田街道梅林路352号安居凤凰苑23栋2902房');
    expect(snapAddress('广东省深圳市龙华区观澜街道华荣路121号半岛城邦C率1602').text).toBe('广东省深圳市龙华区观澜街道华荣路121号半岛城邦C座1602');
    // An autonomous region that lost its first character, another perhaps misread.
    expect(snapAddress('西牡族自治区平南县丹竹镇东山村九组26号').text).toBe('广西壮族自治区平南县丹竹镇东山村九组26号');
    expect(snapAddress('藏自治区拉萨市城关区').text).toBe('西藏自治区拉萨市城关区');
    expect(snapAddress('广西壮族自治区平南县').changed).toBe(false);
    // A room number's last digit read as a letter, at the address's end; a room's own letter stays.
    expect(snapAddress('广东省深圳市坪山区坪山街道梅林路2024号莲花北村10栋180G').text).toBe('广东省深圳市坪山区坪山街道梅林路2024号莲花北村10栋1806');
    expect(snapAddress('广东省深圳市福田区华富街道莲花一村5栋120O室').text).toBe('广东省深圳市福田区华富街道莲花一村5栋1200室');
    expect(snapAddress('广东省深圳市福田区华富街道莲花一村5栋1203A').changed).toBe(false);
    // A street its district does not have is named, for the address to be checked; a district's own, or no district, is not.
    expect(unknownStreet('广东省深圳市坪山区抗标街道双澜大道6083鸿景国9栋2803')).toBe('抗标');
    expect(unknownStreet('广东省深圳市坪山区坑梓街道观澜大道6083号鸿景园9栋2803')).toBeUndefined();
    expect(unknownStreet('湖南省湘西土家族苗族自治州吉首市矮寨镇石桥村12组7号')).toBeUndefined();
    // A village's production group (组) or team (队) is as printed.
    expect(snapAddress('湖南省湘西土家族苗族自治州吉首市矮寨镇石桥村12组7号').text).toBe('湖南省湘西土家族苗族自治州吉首市矮寨镇石桥村12组7号');
    expect(snapAddress('深圳市龙岗区布吉街道清湖社区老村13排16号').text).toBe('深圳市龙岗区布吉街道清湖社区老村13排16号');
    expect(snapAddress('深圳市坪山区坪山街道梅林路74号碧海花园4标B座2806房').text).toBe('深圳市坪山区坪山街道梅林路74号碧海花园4栋B座2806房');
    expect(snapAddress('广东省深圳市福田区锦绣江南2期6栋1单元1004')).toEqual({ text: '广东省深圳市福田区锦绣江南2期6栋1单元1004', changed: false });
    expect(snapAddress('广东省深圳市盐田区海山街道上屋村4巷44号').changed).toBe(false);
    expect(snapAddress('深圳市福田区莲花一村5-2单元').changed).toBe(false);
    // A street two characters wrong in a district read wrong: the community named after it, its first
    // character misread the same way as the street's (风…风), says which district and street.
    expect(snapAddress('广东省深圳市光湖区风州街道风凰南社区光明大道1922号福4栋3102室').text).toBe('广东省深圳市光明区凤凰街道凤凰南社区光明大道1922号福4栋3102室');
    // A community read right under a street of another name keeps its name (福田街道福山社区, the street read 桶由).
    expect(snapAddress('广东省深圳市福田区桶由街道福山社区').changed).toBe(false);
    // A street two edits away, or of another district, is left as read.
    expect(snapAddress('广东省深圳市福田区香富城街道').changed).toBe(false);
    expect(snapAddress('广东省深圳市福田区民冶街道').changed).toBe(false);
    // Outside Shenzhen only the grammar applies.
    expect(snapAddress('福建省福州市鼓楼区五四路261号5栋3单元126房').changed).toBe(false);
  });
});

describe('snapProvince', () => {
  it('puts right one misread character of a province name when only one province is that close', () => {
    expect(snapProvince('摇建省南安市石井镇枫林村一组7号')).toBe('福建省南安市石井镇枫林村一组7号');
    expect(snapProvince('内蒙占自治区呼和浩特市赛罕区')).toBe('内蒙古自治区呼和浩特市赛罕区');
    expect(snapProvince('广西壮旅自治区南宁市')).toBe('广西壮族自治区南宁市');
  });
  it('leaves a name as printed, an ambiguous one, a changed ending and a city', () => {
    expect(snapProvince('湖南省长沙市')).toBe('湖南省长沙市');
    expect(snapProvince('湖东省长沙市')).toBe('湖东省长沙市');
    expect(snapProvince('吉林市船营区')).toBe('吉林市船营区');
    expect(snapProvince('上饶市信州区')).toBe('上饶市信州区');
    expect(snapProvince('深圳市福田区')).toBe('深圳市福田区');
  });
});
