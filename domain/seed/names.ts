// Chinese names for demo data: common surnames and given-name characters.
import type { Rng } from './prng';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林',
  '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曹', '曾', '彭', '萧', '蔡', '潘', '田',
  '董', '袁', '于', '余', '叶', '蒋', '杜', '苏', '魏', '程', '吕', '丁', '沈', '任', '姚', '卢', '钟', '欧阳',
];
const MALE = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '华', '建', '国', '志', '文', '浩', '宇', '俊', '鹏', '辉', '晨', '然', '子', '轩', '博'];
const FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '秀', '英', '霞', '婷', '雪', '琳', '玲', '慧', '颖', '欣', '怡', '晓', '佳', '梦', '雨', '萱', '思', '诗', '涵'];

export type Sex = 'male' | 'female';

export const randomSurname = (rng: Rng): string => rng.pick(SURNAMES);

export function givenName(rng: Rng, sex: Sex): string {
  const chars = sex === 'male' ? MALE : FEMALE;
  const first = rng.pick(chars);
  return rng.chance(0.7) ? first + rng.pick(chars) : first;
}

export const fullName = (rng: Rng, sex: Sex, surname = randomSurname(rng)): string => surname + givenName(rng, sex);
