// The twelfth set's typefaces, picked among the installed font packages for weights and faces the
// other sets leave alone: Noto Sans SC and Noto Serif SC in their SemiBold (600) and ExtraBold (800)
// cuts (the others use 200/300/400/500/700/900), Maple Mono CN ExtraLight and Italic (others use
// Regular, Light, Medium, SemiBold, Bold) for statements and terminals, 得意黑 (Smiley Sans) for the
// banking app screens, and 龙藏体 (Long Cang) and 鸿雷行书 as the hands that fill in forms. Every file
// of a face (split subsets included) gets its own family alias, and each character is drawn with the
// file whose cmap holds it: a face never draws a glyph it lacks; text it cannot draw goes to its
// fallback face, and what was drawn in which face is recorded so the tests can check it.
import { type FaceSource, faceBook } from '../face-book';

export const FACES = ['sans', 'sans-x', 'serif', 'serif-x', 'mono', 'mono-i', 'smiley', 'cang', 'xing'] as const;
export type Face = (typeof FACES)[number];

const SOURCES: Record<Face, FaceSource<Face>> = {
  sans: { path: '@expo-google-fonts/noto-sans-sc/600SemiBold/NotoSansSC_600SemiBold.ttf' },
  'sans-x': { path: '@expo-google-fonts/noto-sans-sc/800ExtraBold/NotoSansSC_800ExtraBold.ttf', fallback: 'sans' },
  serif: { path: '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf', fallback: 'sans' },
  'serif-x': { path: '@expo-google-fonts/noto-serif-sc/800ExtraBold/NotoSerifSC_800ExtraBold.ttf', fallback: 'serif' },
  mono: { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-ExtraLight', fallback: 'sans' },
  'mono-i': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-Italic', fallback: 'mono' },
  smiley: { path: '@chinese-fonts/dyh/dist/SmileySans-Oblique', fallback: 'sans' },
  cang: { path: '@fontsource/long-cang/files/long-cang-chinese-simplified-400-normal.woff2', fallback: 'xing' },
  xing: { path: '@chinese-fonts/hlxsjt/dist/鸿雷行书简体', fallback: 'serif' },
};

export const { printable, faceFor, runs } = faceBook<Face>('twelfth', SOURCES, 'sans');
