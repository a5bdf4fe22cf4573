// SW3, the reader status byte of every SAM reply (DOMAIN.md §5), mapped to typed statuses with the
// Chinese explanation a clerk sees when a read fails.

export type Sw3Status =
  | 'OK'
  | 'CARD_FOUND'
  | 'CHECKSUM_ERROR'
  | 'LENGTH_ERROR'
  | 'COMMAND_ERROR'
  | 'UNRECOGNISED'
  | 'AUTH_FAILED'
  | 'INFO_CHECK_ERROR'
  | 'WRONG_CARD_TYPE'
  | 'READ_FAILED'
  | 'RANDOM_FAILED'
  | 'SAM_SELF_TEST_FAILED'
  | 'SAM_NOT_AUTHORISED'
  | 'NO_CARD'
  | 'SELECT_FAILED'
  | 'NO_CONTENT'
  | 'UNKNOWN';

export interface Sw3Meaning {
  readonly sw3: number;
  readonly status: Sw3Status;
  readonly message: string;
}

const TABLE: ReadonlyArray<readonly [number, Sw3Status, string]> = [
  [0x90, 'OK', '操作成功'],
  [0x9f, 'CARD_FOUND', '找到身份证'],
  [0x10, 'CHECKSUM_ERROR', '读卡器收到的数据校验和错误'],
  [0x11, 'LENGTH_ERROR', '读卡器收到的数据长度错误'],
  [0x21, 'COMMAND_ERROR', '读卡器收到的命令错误'],
  [0x24, 'UNRECOGNISED', '读卡器无法识别的命令'],
  [0x31, 'AUTH_FAILED', '卡片认证失败,请确认是真实的二代身份证'],
  [0x32, 'AUTH_FAILED', '卡片认证失败,请确认是真实的二代身份证'],
  [0x33, 'INFO_CHECK_ERROR', '身份证信息校验错误,请重新放置卡片'],
  [0x40, 'WRONG_CARD_TYPE', '卡片类型不对,请放置二代居民身份证'],
  [0x41, 'READ_FAILED', '读卡失败,请将身份证放稳后重试'],
  [0x47, 'RANDOM_FAILED', '取随机数失败,请重新放置卡片'],
  [0x60, 'SAM_SELF_TEST_FAILED', '读卡器安全模块自检失败,请联系设备维护人员'],
  [0x66, 'SAM_NOT_AUTHORISED', '读卡器安全模块未经授权,请联系设备维护人员'],
  [0x80, 'NO_CARD', '未检测到身份证,请将卡片放在读卡区'],
  [0x81, 'SELECT_FAILED', '选卡失败,请将身份证重新放在读卡区'],
  [0x91, 'NO_CONTENT', '卡片中没有该项内容'],
];

const BY_CODE = new Map<number, Sw3Meaning>(TABLE.map(([sw3, status, message]) => [sw3, { sw3, status, message }]));

export function sw3Meaning(sw3: number): Sw3Meaning {
  return (
    BY_CODE.get(sw3) ?? {
      sw3,
      status: 'UNKNOWN',
      message: `读卡器返回未知状态码 0x${sw3.toString(16).padStart(2, '0').toUpperCase()}`,
    }
  );
}

export const SW3 = { OK: 0x90, CARD_FOUND: 0x9f, CHECKSUM_ERROR: 0x10, NO_CARD: 0x80, SELECT_FAILED: 0x81 } as const;
