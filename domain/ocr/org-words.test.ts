// Business and legal-form words of an employer's name read one character wrong at low resolution
// are put right; the trade name, a real neighbouring word, and a reading between two words are not.
import { describe, expect, it } from 'vitest';
import { extractFields } from './extract';
import { snapOrganisationWords } from './org-words';

describe('organisation words', () => {
  it('puts right one wrong character of a business or legal-form word', () => {
    expect(snapOrganisationWords('深圳市鹏城物业管建有限公司')).toEqual({ text: '深圳市鹏城物业管理有限公司', changed: true });
    expect(snapOrganisationWords('深圳市光明新材料毅份公司').text).toBe('深圳市光明新材料股份公司');
    expect(snapOrganisationWords('深圳市梧桐纺织有限数任公司').text).toBe('深圳市梧桐纺织有限责任公司');
    expect(snapOrganisationWords('深圳市前海睿拓餐饮营理股份有限公司').text).toBe('深圳市前海睿拓餐饮管理股份有限公司');
    expect(snapOrganisationWords('深圳市华南供应链管里股份有限公司').text).toBe('深圳市华南供应链管理股份有限公司');
  });

  it('leaves names that are right, trade names, and real neighbouring words alone', () => {
    for (const name of [
      '深圳市鹏城物业管理有限公司',
      '深圳市华科电子技术有限公司',
      '深圳市企业管理咨询有限公司', // 企业管理 is one character from 物业管理, and real
      '深圳市龙岗建设工程有限公司', // 建设工程 beside 建筑工程
      '深圳市安洁保洁服务有限公司', // 保洁服务 beside 保安服务 and 清洁服务
      '深圳市科达有限公司',
      '深圳市工业设计有限公司',
    ]) {
      expect(snapOrganisationWords(name)).toEqual({ text: name, changed: false });
    }
  });

  it('leaves a reading one character from two words as read', () => {
    // 勿业管理: 物业管理 or 企业管理 — not clear.
    expect(snapOrganisationWords('深圳市华瑞勿业管理有限公司').changed).toBe(false);
  });

  it('never changes a phrase made of two known words, listed or not (建设管理, 商业保理), into its neighbour', () => {
    expect(snapOrganisationWords('深圳市龙岗区布吉街道城市建设管理服务中心')).toEqual({ text: '深圳市龙岗区布吉街道城市建设管理服务中心', changed: false });
    expect(snapOrganisationWords('深圳市科陆商业保理有限公司').changed).toBe(false);
    expect(snapOrganisationWords('深圳市恒通企业管埋有限公司').text).toBe('深圳市恒通企业管理有限公司');
  });

  it('marks an employer put right this way as repaired, showing what was read', () => {
    const lines = ['收入证明', '兹证明张伟同志在我单位工作。', '工作单位:深圳市鹏城物业管建有限公司', '月收入:8,500.00元'].map((text) => ({ text, confidence: 0.9 }));
    const e = extractFields('income', lines);
    expect(e.fields.employer).toBe('深圳市鹏城物业管理有限公司');
    expect(e.reads.employer!.evidence).toBe('repaired');
    expect(e.notes.employer).toContain('深圳市鹏城物业管建有限公司');
    expect(e.confidence.employer).toBeLessThan(0.9);
  });
});
