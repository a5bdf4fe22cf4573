// The book of name-character shapes (glyph-book.data.ts, written by build/glyph-book.ts), unpacked
// once on first use.
import { GLYPH_CHARS, GLYPH_FACES, GLYPH_PACKED, GLYPH_RARE } from './glyph-book.data';
import { type GlyphBook, glyphBook } from './glyphs';

let unpacked: { book: GlyphBook; rare: readonly string[] } | undefined;

/** The book, and its rare characters: those the recognition model cannot give. */
export function nameShapes(): { book: GlyphBook; rare: readonly string[] } {
  unpacked ??= { book: glyphBook(GLYPH_CHARS, GLYPH_FACES, Uint8Array.from(atob(GLYPH_PACKED), (c) => c.charCodeAt(0))), rare: [...GLYPH_RARE] };
  return unpacked;
}
