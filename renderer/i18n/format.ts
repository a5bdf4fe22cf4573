// Dates and times in the language of the screen (a Chinese screen says 下午 3:05, not 3:05 PM) and in
// the offices' time zone, whatever the machine's own locale.
import { i18n } from './index';

const ZONE = 'Asia/Shanghai';
const locale = () => (i18n.language?.startsWith('en') ? 'en-GB' : 'zh-CN');

/** 2026/11/28 15:05:09 — or 28/11/2026, 15:05:09 in English. */
export const formatDateTime = (iso: string | number | Date): string => new Date(iso).toLocaleString(locale(), { timeZone: ZONE, hour12: false });

/** 15:05:09 */
export const formatTime = (iso: string | number | Date): string => new Date(iso).toLocaleTimeString(locale(), { timeZone: ZONE, hour12: false });
