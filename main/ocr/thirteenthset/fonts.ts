// The thirteenth set's typefaces, among the installed font packages and away from the twelfth set's
// (Noto 600/800, Maple Mono ExtraLight/Italic, 得意黑, 龙藏体, 鸿雷行书): 思源屏显臻宋 (a Song drawn for
// screens, the body of official letters), 思源宋体 CN (Source Han Serif, tables and titles), Noto Sans
// SC Regular and Bold (the fallback every chain ends in), 猫啃什锦黑 (Maoken Assorted Sans, bank and
// agency forms), Maple Mono CN ExtraBold and MediumItalic (statements), 江西拙楷 (a clumsy Kai, some
// letters), 站酷小薇 (letterhead titles), and 马善政楷书 and 志莽行书 as the hands that fill in forms.
// Every file of a face (split subsets too) gets its own family alias; each character is drawn with
// the file whose cmap holds it, and text a face lacks goes along its fallback chain.
import { type FaceSource, faceBook } from '../face-book';

export const FACES = ['hei', 'hei-b', 'song', 'serif', 'maoken', 'mono', 'mono-i', 'kai', 'xiaowei', 'hand', 'hand-x'] as const;
export type Face = (typeof FACES)[number];

const SOURCES: Record<Face, FaceSource<Face>> = {
  hei: { path: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  'hei-b': { path: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', fallback: 'hei' },
  song: { path: '@chinese-fonts/sypxzs/dist/思源屏显臻宋', fallback: 'serif' },
  serif: { path: '@chinese-fonts/syst/dist/SourceHanSerifCN', fallback: 'hei' },
  maoken: { path: '@chinese-fonts/mksjh/dist/MaokenAssortedSans1.30', fallback: 'hei' },
  mono: { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-ExtraBold', fallback: 'hei-b' },
  'mono-i': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-MediumItalic', fallback: 'hei' },
  kai: { path: '@chinese-fonts/jxzk/dist/江西拙楷', fallback: 'song' },
  xiaowei: { path: '@fontsource/zcool-xiaowei/files/zcool-xiaowei-chinese-simplified-400-normal.woff2', fallback: 'serif' },
  hand: { path: '@fontsource/ma-shan-zheng/files/ma-shan-zheng-chinese-simplified-400-normal.woff2', fallback: 'kai' },
  'hand-x': { path: '@fontsource/zhi-mang-xing/files/zhi-mang-xing-chinese-simplified-400-normal.woff2', fallback: 'hand' },
};

export const { printable, faceFor, runs } = faceBook<Face>('thirteenth', SOURCES, 'hei');
