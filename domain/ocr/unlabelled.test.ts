// A household card read with its labels lost (printed small or pale, gone in a copy): the values
// known by their shape alone, each marked unlabelled, and never a guess between two.
import { describe, expect, it } from 'vitest';
import { UNLABELLED_CAP } from './calibration';
import { extractFields } from './extract';

const lines = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9 }));
// 110105198503121234: a man born 1985-03-12 (odd 17th digit).
const ID = '110105198503121234';
const ADDRESS = '广东省深圳市龙华区大浪街道人民路16号幸福里C座2101';

describe('a household card whose labels did not come out', () => {
  it('takes the address, the nationality, the name run into its relation and a lone 男 the ID number agrees with', () => {
    const e = extractFields('hukou', lines('常住人口登记卡', '0乐与产主民乐Mh', '.男', '张伟长子:', '汉族1985.03.12湖南省衡阳市', `${ID} B型`, ADDRESS));
    expect(e.fields).toMatchObject({ name: '张伟', relation: '长子', gender: '男', ethnicity: '汉族', address: ADDRESS, idNumber: ID });
    for (const key of ['name', 'relation', 'gender', 'ethnicity', 'address']) {
      expect(e.reads[key]!.unlabelled, key).toBe(true);
      expect(e.confidence[key]!, key).toBeLessThanOrEqual(UNLABELLED_CAP);
    }
  });

  it('splits a name run into its relation and sex (彭琳晓妻女) and takes the sex only when the ID number agrees', () => {
    const woman = '440309197808127088';
    expect(extractFields('hukou', lines('彭琳晓妻女', woman)).fields).toMatchObject({ name: '彭琳晓', relation: '妻', gender: '女' });
    const e = extractFields('hukou', lines('彭琳晓妻女', ID));
    expect(e.fields).toMatchObject({ name: '彭琳晓', relation: '妻' });
    // A man's number: the 女 read is shown for the clerk to check, with the number's gender, never as read right.
    expect(e.reads.gender!.evidence).toBe('invalid');
    expect(e.notes.gender).toContain('男');
  });

  it("gives a gender and birth date the reading lost from the checksum-valid number, marked for the clerk", () => {
    const e = extractFields('hukou', lines('姓名  戴志涛', '性别明', `公民身份证件编号${ID}`));
    expect(e.fields).toMatchObject({ gender: '男', birthDate: '1985-03-12' });
    expect(e.reads.gender!.evidence).toBe('repaired');
    expect(e.notes.gender).toContain('身份证号码');
    expect(e.reads.birthDate!.evidence).toBe('repaired');
    // A number that failed its checksum gives nothing.
    const bad = extractFields('hukou', lines('姓名  戴志涛', '性别明', '公民身份证件编号110105198503121235'));
    expect(bad.fields.gender).toBeUndefined();
    expect(bad.fields.birthDate).toBeUndefined();
  });

  it('takes nothing where the page holds two candidates, or a labelled value already', () => {
    // Two addresses with house numbers (the household's and another): neither.
    expect(extractFields('hukou', lines(ADDRESS, '湖南省衡阳市雁峰区先锋路8号3栋201房', ID)).fields.address).toBeUndefined();
    // The birthplace (湖南省衡阳市) has no house number: not an address.
    expect(extractFields('hukou', lines('湖南省衡阳市', ID)).fields.address).toBeUndefined();
    // 汉族 and 回族 both stand alone: no nationality.
    expect(extractFields('hukou', lines('汉族', '回族', ID)).fields.ethnicity).toBeUndefined();
    // A labelled nationality is kept, not a run elsewhere on the page.
    const labelled = extractFields('hukou', lines('民族  回族', '汉族1985.03.12', ID));
    expect(labelled.fields.ethnicity).toBe('回族');
    expect(labelled.reads.ethnicity!.unlabelled).toBeUndefined();
    // A run that is no known surname and relation (以下情况) gives no name.
    expect(extractFields('hukou', lines('兹有以下情况', ID)).fields.name).toBeUndefined();
  });
});

describe('a 户籍证明 letter with a table of the household\'s members', () => {
  // The letter names the subject and the number; the table gives each member's relation and nationality.
  const letter = (...rows: string[]) =>
    lines('证明', '(2024)赤户证字第0596号', '兹有申请人郑诗颖(公民身份号码:421102198210223805)申请开具户籍信息证明,经查,其户', '籍登记在我所辖区,户籍地址:湖北省黄冈市黄州区陶店乡建设路149号。该户成员登记信息如下:', ...rows, '特此证明。');
  it('takes the relation and nationality from the subject\'s row, the one ending with the number, in the order of the headings', () => {
    const e = extractFields('hukou', letter('序号姓名与户主关系性别民族出生日期公民身份号码', '1郑波户主男汉族1950.02.14 421102195002144439', '2诸高蓄桂妻女回族1950.10.20 421102195010200381', '3郑诗额长女女汉族1982.10.22 421102198210223805'));
    // The name from the letter's sentence (申请人…), never the heading row's 与户主关系 nor the row's misread 郑诗额.
    expect(e.fields).toMatchObject({ name: '郑诗颖', relation: '长女', ethnicity: '汉族', gender: '女', idNumber: '421102198210223805' });
    expect(e.confidence.relation!).toBeLessThanOrEqual(UNLABELLED_CAP);
    // Read as cells, in another order of columns.
    const cells = extractFields('hukou', letter('序号  姓名  性别  与户主关系  民族  出生日期  公民身份号码', '1  郑波  男  户主  汉族  1950.02.14  421102195002144439', '3  郑诗颖  女  长女  壮族  1982.10.22  421102198210223805'));
    expect(cells.fields).toMatchObject({ name: '郑诗颖', relation: '长女', ethnicity: '壮族' });
  });
  it('takes nothing from a row whose number is not the subject\'s, nor from a table without its headings', () => {
    const other = extractFields('hukou', letter('序号姓名与户主关系性别民族出生日期公民身份号码', '1郑波户主男汉族1950.02.14 421102195002144439'));
    expect(other.fields.relation).toBeUndefined();
    expect(other.fields.ethnicity).not.toBe('汉族');
    const headless = extractFields('hukou', letter('3郑诗颖长女女汉族1982.10.22 421102198210223805'));
    expect(headless.fields.relation).toBeUndefined();
  });
});
