// The demo office seeded on a first run, with one demo user for each role (listed in the README).
import type { Role } from '../domain/ipc/session';

export interface OfficeRef {
  readonly id: string;
  readonly name: string;
  readonly districtId: string;
  readonly districtName: string;
  readonly level: 'street' | 'district';
}

export interface StaffUser {
  readonly name: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly officeId: string;
}

/** District ids are the region's, as cases, streets and the catalogue's overrides name them (domain/seed/places). */
export const DEMO_OFFICES: readonly OfficeRef[] = [
  { id: 'futian-huafu', name: '福田区华富街道办事处', districtId: 'district:440304', districtName: '福田区', level: 'street' },
  { id: 'futian-xiangmihu', name: '福田区香蜜湖街道办事处', districtId: 'district:440304', districtName: '福田区', level: 'street' },
  { id: 'futian-district', name: '福田区住房和建设局', districtId: 'district:440304', districtName: '福田区', level: 'district' },
];

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: readonly StaffUser[] = [
  { name: 'clerk1', password: DEMO_PASSWORD, displayName: '张敏', roles: ['clerk'], officeId: 'futian-huafu' },
  { name: 'clerk2', password: DEMO_PASSWORD, displayName: '李强', roles: ['clerk'], officeId: 'futian-huafu' },
  { name: 'inspector1', password: DEMO_PASSWORD, displayName: '王芳', roles: ['inspector'], officeId: 'futian-huafu' },
  { name: 'reviewer1', password: DEMO_PASSWORD, displayName: '陈刚', roles: ['reviewer'], officeId: 'futian-huafu' },
  { name: 'dreviewer1', password: DEMO_PASSWORD, displayName: '刘洋', roles: ['district_reviewer'], officeId: 'futian-district' },
  { name: 'it1', password: DEMO_PASSWORD, displayName: '赵磊', roles: ['it'], officeId: 'futian-huafu' },
  { name: 'clerk3', password: DEMO_PASSWORD, displayName: '周丽', roles: ['clerk'], officeId: 'futian-xiangmihu' },
];
