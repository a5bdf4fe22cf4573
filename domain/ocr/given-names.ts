// Characters of Chinese given names: those that parents choose, across generations (建国 and 秀英
// as well as 梓涵 and 璟萱) — general knowledge of naming, not drawn from any page this project
// generates. A recogniser that misreads a name character often reads a character no parent would
// choose (慧 as 存, 骁 as 戏, 婧 as 嫩); among readings of one name, those made only of such
// characters are the likelier. Rare name characters exist: the list does not reject a name, it
// only orders readings.

import { surnameOf } from './surnames';

const GIVEN =
  // Virtues, learning, achievement
  '德仁义礼智信忠孝廉勤俭善良诚恒毅勇敢刚强坚健康宁安平和顺泰福禄寿喜庆祥瑞嘉吉利富贵荣华昌盛兴旺发达' +
  '文武学才博雅贤俊杰英豪雄伟宏鸿志远思想哲理睿聪明敏慧颖悟知识达通畅逸致精诚谦恭敬宽容宇宙' +
  '国家民军兵卫建设立新红东方华中兴邦政治治良栋材梁柱树森林杉松柏桦楠榕杨柳桐枫槐梓楷桂棠' +
  // Nature
  '天日月星辰晨曦晓旭昊昕晗暄晖曜晟晋景昭晶明亮光辉耀灿炎焱煜炜烨熙照然' +
  '山川河江海洋湖波涛浩瀚淼沛泽润涵渊源泉清澄澈洁溪沁浚滨洲汐沐沅沂浦潇湘湘漪涟' +
  '风云雨雪霜露霞虹雷霖霏霄霆霁雯岚峰岳峻崇嵩岩磊石坤垚城堂' +
  '春夏秋冬青蓝绿紫翠丹彤朱金银铜铁锦钰铭锋钢钧鑫镇锐锋铠' +
  // Jade and treasures
  '玉珠宝珍珊瑚琳琅琪琦瑶瑾瑜璐璇璋璟璞璨瑛瑞琼琴瑟玮玲珑珏珺琛琨瑄瑗瑭璠环佩' +
  // Flowers, plants
  '花芳芬芝兰菊梅莲荷蓉萍蕊薇芸芷若茜茗苗苑英莉莎菲蓓蕾萱葳蔓藤芙蓬茵荣莹萌芊芮苒荞菁葵蔚' +
  '竹笑笙筠箐简' +
  // Birds, beasts
  '凤凰鹏鹤鸿雁燕鹰鸣鹭鸾麟龙虎豹骏驰骐骥骁腾飞翔翰翎翼羽' +
  // Women's names
  '娟娜娇媛婷婉婕婧娴嫣妍妮姗姝娅娥婵嫦媚姣姿娉婀妙好如秀淑静贞洁素雅怡悦欣欢乐愉馨香芳丽艳美倩' +
  '霞凤玉翠珍珠桂英兰梅菊燕莺鹃丹红艳霞彩云' +
  '萱涵菡晗睿思诗琪雨欣梓子紫语嫣可馨佳怡宸涵彤钰桐沫汐柠瑶玥婳' +
  // Men's names and common middle characters
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺' +
  '信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河' +
  '哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧' +
  '冠策腾楠榕风航弘宇轩逸凯皓铭宸浩然子豪梓睿博文嘉懿阳旭晨瀚霖煜祺祎禹舜尧汉唐宋明清' +
  '一二三四五六七八九十百千万亿双' +
  '永长久远延继承传宗绍继世代家庭孟仲叔季伯' +
  '爱惠慈恩情意念怀忆忻恺悦怡恬愉慕' +
  '君臣王侯公卿相将帅' +
  '生正直方圆大小高上' +
  '婷娣妹姐兄弟' +
  '琰琬瑷璎珩珈琇瑀璘瑢' +
  '昀昱晏晞晔暐暄曈曜' +
  '奕弈亦易益艺毅懿翊屹逸轶' +
  '佳嘉家加迦' +
  '晋进劲锦谨瑾' +
  '欣新馨鑫昕忻莘' +
  '彦燕艳晏雁砚' +
  '洋扬阳杨炀旸' +
  '俊骏峻浚竣隽' +
  '振震桢祯臻甄' +
  '铭明鸣茗名' +
  '梓紫子姿滋' +
  '涵晗含寒' +
  '雪学薛' +
  '斐菲霏非' +
  '韵芸昀允运' +
  '洪红宏虹弘鸿' +
  '凌玲灵琳霖林麟' +
  '宣萱轩瑄暄' +
  '淑书舒姝' +
  '沛佩珮' +
  '萌蒙梦孟' +
  '楚初础' +
  '娜纳' +
  '倩茜' +
  '璐露路潞' +
  '卓琢' +
  '霆廷庭婷亭' +
  '朵多' +
  '妤予雨语宇羽禹玉昱钰煜毓育' +
  '贻怡宜仪怡颐' +
  '鑫森淼焱垚磊犇' +
  '耀尧瑶遥' +
  '锐瑞睿蕊' +
  '峥铮筝征正政' +
  '骞谦千乾' +
  '晟盛圣胜' +
  '聪琮淙' +
  '源元媛园沅渊' +
  '蔚卫伟玮炜韦薇' +
  '柯可珂轲' +
  '达大' +
  '奎魁' +
  '夫甫' +
  '亮靓' +
  '莎沙' +
  '琦琪奇棋祺淇旗' +
  '雯文闻' +
  '娥蛾' +
  '秋求' +
  '钦勤琴芹沁' +
  '昆坤琨' +
  '鲁璐' +
  '继纪' +
  '勋薰熏' +
  '伊依' +
  '丰峰锋枫' +
  '彬斌滨' +
  '金锦' +
  '群琼' +
  '敏闽' +
  '霓倪' +
  '叶烨晔' +
  '杭航' +
  '婕捷' +
  '湛展' +
  '麒奇' +
  '澜岚兰' +
  '桥乔' +
  '翊奕' +
  '舟州洲' +
  '晴青清卿庆' +
  '颂松嵩' +
  '芯心鑫' +
  '照兆' +
  '银吟' +
  '遥瑶' +
  '焕桓' +
  '黎丽' +
  '曼蔓' +
  '臣辰晨' +
  '蓁臻' +
  '铃玲' +
  '霍' +
  '润闰' +
  '妃菲' +
  '浠溪熙曦希昔' +
  '尚上' +
  '程诚承' +
  '俞瑜宇' +
  '廷婷' +
  '祖' +
  '添甜' +
  '丛' +
  '凡帆' +
  '柔' +
  '淳纯' +
  '煊' +
  '婉菀琬' +
  '皓昊浩灏' +
  '暖' +
  // Modern choices, several of them rare in print (喆 for 哲, 堃 for 坤, 燊, 赟, 曌)
  '喆昇彧栩煦烁炫旻堃锴铄淏翀湉燊赟暻禛玹昳曌芃嫒' +
  '添';

const GIVEN_CHARS: ReadonlySet<string> = new Set(GIVEN);

/** Whether a character is one parents choose for a given name (see the header). */
export const isGivenNameChar = (ch: string): boolean => GIVEN_CHARS.has(ch);

/** Whether every character after a name's surname is a given-name character (a name with a middle dot is not checked). */
export function hasUsualGivenName(name: string): boolean {
  if (name.includes('·')) return true;
  const surname = surnameOf(name);
  const given = [...name.slice(surname?.length ?? 1)];
  return given.length > 0 && given.every(isGivenNameChar);
}
