// Rare name characters found by shape, on names drawn in typefaces the glyph book was not made from
// (思源屏显臻宋 and Maple Mono CN, from npm): a glyph the recogniser left unread or put a look-alike in
// place of is matched; names of ordinary characters, read right, are never changed.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../seed/prng';
import { upscaleBicubic } from './enhance';
import { nameShapes } from './glyph-book';
import { isGivenNameChar } from './given-names';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames';
import { FEATURE_LENGTH, glyphBook, segmentGlyphs } from './glyphs';
import type { GreyImage } from './image';
import { modelCanRead } from './model-chars';
import { reviseNameByShape } from './name-shapes';

const MODULES = join(import.meta.dirname, '../../node_modules');
const FACES = { song: join(MODULES, '@chinese-fonts/sypxzs/dist/思源屏显臻宋'), mono: join(MODULES, '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-Regular') };
for (const [name, dir] of Object.entries(FACES)) for (const f of readdirSync(dir).filter((f) => f.endsWith('.woff2'))) GlobalFonts.registerFromPath(join(dir, f), `Test${name}`);

/** One line of text as a scan would give it: black on white, glyphs `px` tall, a margin around. */
function line(text: string, face: keyof typeof FACES, px = 26): GreyImage {
  const width = Math.ceil(text.length * px * 1.3 + 24);
  const height = Math.ceil(px * 1.6);
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.font = `${px}px "Test${face}"`;
  g.textBaseline = 'middle';
  g.fillText(text, 12, height / 2);
  const rgba = g.getImageData(0, 0, width, height).data;
  return { width, height, data: Uint8Array.from({ length: width * height }, (_, i) => rgba[i * 4]!) };
}

const { book, rare } = nameShapes();

describe('rare name characters by shape', () => {
  it('the rare characters are those the model cannot give', () => {
    expect(rare.length).toBeGreaterThan(100);
    expect(rare.every((c) => !modelCanRead(c))).toBe(true);
    expect(rare).toEqual(expect.arrayContaining(['曌', '赟', '琤']));
  });

  it('the book holds every surname character (written from surnames.ts and given-names.ts: run build/glyph-book.ts after changing them)', () => {
    const surnames = [...SINGLE_SURNAMES, ...COMPOUND_SURNAMES.join('')].filter(modelCanRead);
    expect(surnames.filter((c) => !book.has(c))).toEqual([]);
    expect(['建', '梅', '琳', '璟'].every((c) => isGivenNameChar(c) && book.has(c))).toBe(true);
  });

  it('boxes a line glyph by glyph, a two-part character as one', () => {
    expect(segmentGlyphs(line('张琤俊', 'song')).length).toBe(3);
    expect(segmentGlyphs(line('川北', 'song')).length).toBe(2);
    // Ink far taller than the page's glyphs (a stamp, two lines) is not boxed at all.
    expect(segmentGlyphs(line('张琤俊', 'song', 60), undefined, 26)).toEqual([]);
  });

  it('refuses a book whose bytes do not fit its characters', () => {
    expect(() => glyphBook('曌赟', 3, new Uint8Array(FEATURE_LENGTH * 5))).toThrow(/2 characters × 3 typefaces/);
  });

  for (const face of ['song', 'mono'] as const) {
    it(`fills a glyph left unread and replaces a look-alike (${face})`, () => {
      // The recogniser read 张琤俊 as 张俊 (琤 is not in its dictionary)…
      expect(reviseNameByShape(line('张琤俊', face), '张俊', 0, 2, book, rare)?.text).toBe('张琤俊');
      // 曌 read as 盟, 赟 as 赞: a character the model has in place of one it lacks.
      expect(reviseNameByShape(line('曾曌', face), '曾盟', 0, 2, book, rare)?.text).toBe('曾曌');
      expect(reviseNameByShape(line('吕赟玲', face), '吕赞玲', 0, 3, book, rare)?.text).toBe('吕赟玲');
      // At a low-resolution scan's 13 px the shape may be too coarse to tell: then the name is left as read, never given a wrong character.
      expect([undefined, '曾曌']).toContain(reviseNameByShape(upscaleBicubic(line('曾曌', face, 13), 2), '曾盟', 0, 2, book, rare)?.text);
      // A character the model has, misread (瑄 as 理 by the second model), is not given to a rare
      // look-alike (鍹): the glyph is more like 瑄, which the book holds, than like any rare character.
      expect(reviseNameByShape(line('戴瑄雪', face), '戴理雪', 0, 3, book, rare)).toBeUndefined();
      // …and the label before a name is aligned away.
      expect(reviseNameByShape(line('姓名:张琤俊', face), '姓名:张俊', 3, 5, book, rare)?.text).toBe('张琤俊');
    });
  }

  it('leaves names read right as they are', () => {
    // Common names, 300 drawn from the name characters, and names holding a rare character read right.
    const rng = createRng(17);
    const given = [...'建国秀英晓梅丽娟浩然静怡瑾瑜子涵雨欣俊杰德华婷芳红军伟强敏霞磊洋勇艳杰娜涛明超秀兰霞平刚桂英'];
    const drawn = Array.from({ length: 300 }, () => rng.pick([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤']) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : ''));
    const names = ['蒋秀萍', '王芳', '李建国', '陈晓梅', '张俊', '刘德华', '黄丽娟', '周杰', '吴婷婷', '郑浩然', '孙悦', '马骏', '朱红', '胡瑾瑜', '林森', '何静怡', '曾曌', '吕赟玲', ...drawn];
    for (const face of ['song', 'mono'] as const) {
      // As scanned, and as a low-resolution scan gives it (13 px glyphs, enlarged as the pipeline does).
      for (const draw of [(t: string) => line(t, face), (t: string) => upscaleBicubic(line(t, face, 13), 2)]) {
        const changed = names.filter((n) => reviseNameByShape(draw(`姓名:${n}`), `姓名:${n}`, 3, 3 + n.length, book, rare) !== undefined);
        expect(changed, face).toEqual([]);
      }
    }
  });
});
