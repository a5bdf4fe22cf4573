// Shared device vocabulary: what a card read and a fingerprint capture produce, the error codes of
// every device driver with the Chinese message a clerk sees, and the code tables printed on ID cards.
import { AppError } from './errors';

/** A second-generation resident ID card as read from the SAM module (text block + photo). */
export interface IdCard {
  readonly name: string;
  /** 0 unknown, 1 male, 2 female, 9 unspecified (GB/T 2261.1). */
  readonly genderCode: string;
  /** Two digits, 01 汉 … 56 基诺, 97 其他, 98 外国血统中国籍人士 (GB 3304). */
  readonly nationCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
  readonly issuer: string;
  /** YYYY-MM-DD */
  readonly validFrom: string;
  /** YYYY-MM-DD, or 长期 for a card without expiry. */
  readonly validTo: string;
  /** The 1024-byte photo in the vendor's encrypted WLT format, base64, kept as received. */
  readonly photoWlt: string;
  /** The card's 1024-byte fingerprint block, base64, when it was read with command 30 10. */
  readonly fingerprintData?: string;
}

export const VALID_TO_NO_EXPIRY = '长期';

/** A template produced by a fingerprint module; it only matches on the same module family. */
export interface FingerprintTemplate {
  /** The module's character file, base64, as uploaded (UpChar). */
  readonly template: string;
  /** Module family the template belongs to, stored with every template. */
  readonly module: string;
  /** 0–100: agreement of the two captures that were merged into the template. */
  readonly quality: number;
}

export interface FingerprintMatch {
  readonly match: boolean;
  /** The module's match score (0 when it found no match). */
  readonly score: number;
}

export interface CardReadOptions {
  /** Deadline for each protocol step (find, select, read), in milliseconds. */
  readonly stepTimeoutMs?: number;
  /** Keep looking for a card this long before giving up with NO_CARD (0: look once). */
  readonly waitForCardMs?: number;
  /** Also read the card's fingerprint block (command 30 10). */
  readonly withFingerprint?: boolean;
}

export type DeviceErrorCode =
  | 'NO_CARD'
  | 'NO_FINGER'
  | 'TIMEOUT'
  | 'DISCONNECTED'
  | 'CHECKSUM'
  | 'DEVICE_ERROR'
  | 'PROTOCOL'
  | 'OPEN_FAILED'
  | 'BAD_TEMPLATE';

export const DEVICE_ERROR_MESSAGES: Readonly<Record<DeviceErrorCode, string>> = {
  NO_CARD: '未检测到身份证,请将卡片放在读卡区',
  NO_FINGER: '未检测到手指,请将手指平放在指纹采集窗口上',
  TIMEOUT: '设备没有响应(超时),请检查连接线和电源后重试',
  DISCONNECTED: '设备已断开,请检查连接线;重新插上后会自动恢复',
  CHECKSUM: '与设备通信的数据校验失败,请重试;多次失败请更换连接线或USB口',
  DEVICE_ERROR: '设备报告错误,请重试',
  PROTOCOL: '设备回复的数据格式不正确,请确认设备型号和波特率设置',
  OPEN_FAILED: '无法打开设备端口,请确认端口名称,并检查是否被其他程序占用',
  BAD_TEMPLATE: '指纹模板无效或已损坏,无法比对',
};

/** A device failure as data: a code a program branches on and a message a clerk can act on. */
export class DeviceError extends AppError {
  constructor(
    override readonly code: DeviceErrorCode,
    message: string = DEVICE_ERROR_MESSAGES[code],
  ) {
    super(code, message);
    this.name = 'DeviceError';
  }
}

export const isDeviceError = (e: unknown): e is DeviceError => e instanceof DeviceError;

export const GENDERS: Readonly<Record<string, string>> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };

export const NATIONS: Readonly<Record<string, string>> = {
  '01': '汉', '02': '蒙古', '03': '回', '04': '藏', '05': '维吾尔', '06': '苗', '07': '彝', '08': '壮',
  '09': '布依', '10': '朝鲜', '11': '满', '12': '侗', '13': '瑶', '14': '白', '15': '土家', '16': '哈尼',
  '17': '哈萨克', '18': '傣', '19': '黎', '20': '傈僳', '21': '佤', '22': '畲', '23': '高山', '24': '拉祜',
  '25': '水', '26': '东乡', '27': '纳西', '28': '景颇', '29': '柯尔克孜', '30': '土', '31': '达斡尔',
  '32': '仫佬', '33': '羌', '34': '布朗', '35': '撒拉', '36': '毛南', '37': '仡佬', '38': '锡伯', '39': '阿昌',
  '40': '普米', '41': '塔吉克', '42': '怒', '43': '乌孜别克', '44': '俄罗斯', '45': '鄂温克', '46': '德昂',
  '47': '保安', '48': '裕固', '49': '京', '50': '塔塔尔', '51': '独龙', '52': '鄂伦春', '53': '赫哲',
  '54': '门巴', '55': '珞巴', '56': '基诺', '97': '其他', '98': '外国血统中国籍人士',
};

export const genderName = (code: string): string => GENDERS[code] ?? `未知(${code})`;
export const nationName = (code: string): string => NATIONS[code] ?? `未知(${code})`;
