import type { Page } from '@playwright/test';

/** A printout read back from the PDF Chromium writes: its pages and their text (whitespace removed). */
export type Printout = { pages: number; text: string; pageTexts: string[] };

/** The page printed as Chromium prints it (A4, the page's own @page rules). */
export async function print(page: Page): Promise<Printout> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Chromium embeds Japanese as CID fonts: pdf.js maps them back to text with its CMaps.
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    cMapUrl: 'node_modules/pdfjs-dist/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/',
  });
  const doc = await task.promise;
  const pageTexts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // Line breaks split words and addresses anywhere: compare without spaces.
    pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
  }
  const pages = doc.numPages;
  await task.destroy();
  return { pages, text: pageTexts.join(''), pageTexts };
}
