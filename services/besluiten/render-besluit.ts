import PDFDocument from 'pdfkit';
import type { BesluitContent, BesluitParagraph, BesluitSection } from './besluit-content';

// A4 in points; 2.5 cm side margins as in a Dutch business letter (NEN 1026 leaves ~2.5 cm).
const MARGIN = { top: 56, bottom: 72, left: 71, right: 71 };
const WIDTH = 595.28 - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const GREY = '#444444';

/**
 * The standard Helvetica font encodes WinAnsi, which holds every Dutch letter (ë, é, ó, â) and
 * the euro sign. A character outside it would print as a wrong glyph: write it out instead.
 */
function winAnsi(text: string): string {
  return text
    .replace(/≥/g, 'ten minste')
    .replace(/≤/g, 'ten hoogste')
    .replace(/→/g, '->')
    .replace(/[\u2000-\u200B\u202F\u00A0]/g, ' ')
    .replace(/[^\t\n\r\u0020-\u00FF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
}

function paragraph(doc: PDFKit.PDFDocument, p: BesluitParagraph): void {
  doc.font('Helvetica').fontSize(BODY).fillColor('black');
  ensureSpace(
    doc,
    doc.heightOfString(winAnsi(p.text), { width: WIDTH }) > 60
      ? 30
      : doc.heightOfString(winAnsi(p.text), { width: WIDTH }),
  );
  doc.text(winAnsi(p.text), MARGIN.left, doc.y, { width: WIDTH, lineGap: 2 });
  for (const item of p.items ?? []) {
    const indent = 12 + item.level * 16;
    const text = winAnsi(item.text);
    const height = doc.heightOfString(text, { width: WIDTH - indent - 10, lineGap: 1.5 });
    ensureSpace(doc, Math.min(height, 40));
    doc.moveDown(0.2);
    const y = doc.y;
    doc.text(item.level === 0 ? '•' : '–', MARGIN.left + indent, y, { width: 10, lineBreak: false });
    doc.text(text, MARGIN.left + indent + 10, y, { width: WIDTH - indent - 10, lineGap: 1.5 });
  }
  doc.moveDown(0.6);
}

function heading(doc: PDFKit.PDFDocument, text: string, sub = false): void {
  ensureSpace(doc, 50);
  doc.moveDown(sub ? 0.1 : 0.3);
  doc
    .font(sub ? 'Helvetica-BoldOblique' : 'Helvetica-Bold')
    .fontSize(sub ? BODY : 11.5)
    .fillColor('black')
    .text(winAnsi(text), MARGIN.left, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

/** About how high a section will be, so a short one (the bezwaarclausule) is not split over two pages. */
function sectionHeight(doc: PDFKit.PDFDocument, s: BesluitSection): number {
  doc.font('Helvetica').fontSize(BODY);
  let height = 40;
  for (const p of s.paragraphs) {
    height += doc.heightOfString(winAnsi(p.text), { width: WIDTH, lineGap: 2 }) + 10;
    for (const item of p.items ?? [])
      height += doc.heightOfString(winAnsi(item.text), { width: WIDTH - 38 - item.level * 16, lineGap: 1.5 }) + 3;
  }
  return height;
}

function keepTogether(doc: PDFKit.PDFDocument, s: BesluitSection): void {
  const height = sectionHeight(doc, s);
  if (height < doc.page.height - MARGIN.top - MARGIN.bottom) ensureSpace(doc, height);
}

function section(doc: PDFKit.PDFDocument, s: BesluitSection, sub = false): void {
  heading(doc, s.heading, sub);
  for (const p of s.paragraphs) paragraph(doc, p);
}

function letterhead(doc: PDFKit.PDFDocument, c: BesluitContent): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(17)
    .fillColor('black')
    .text(winAnsi(c.municipality.letterhead), MARGIN.left, MARGIN.top, { width: WIDTH });
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  for (const line of c.municipality.addressLines) doc.text(winAnsi(line), { width: WIDTH });
  doc
    .moveTo(MARGIN.left, doc.y + 8)
    .lineTo(MARGIN.left + WIDTH, doc.y + 8)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.y += 22;
  if (c.addressee?.length) {
    doc.font('Helvetica').fontSize(BODY).fillColor('black');
    for (const line of c.addressee) doc.text(winAnsi(line), MARGIN.left, doc.y, { width: WIDTH / 2 });
    doc.moveDown(1.5);
  }
  const rows: Array<[string, string]> = [
    ['Datum', c.dagtekening],
    ['Kenmerk', c.kenmerk],
    ['Onderwerp', c.subject],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(GREY)
      .text(label, MARGIN.left, y + 1, { width: 80 });
    doc
      .font('Helvetica')
      .fontSize(BODY)
      .fillColor('black')
      .text(winAnsi(value), MARGIN.left + 80, y, { width: WIDTH - 80 });
    doc.moveDown(0.15);
  }
  doc.moveDown(1.5);
}

function signature(doc: PDFKit.PDFDocument, c: BesluitContent): void {
  doc.moveDown(0.6);
  ensureSpace(doc, 110);
  doc.font('Helvetica').fontSize(BODY).fillColor('black');
  doc.text('Met vriendelijke groet,', MARGIN.left, doc.y, { width: WIDTH });
  doc.moveDown(0.6);
  doc.text(winAnsi(c.signature.onBehalfOf), { width: WIDTH });
  doc.moveDown(2.2);
  doc.font('Helvetica-Bold').text(winAnsi(c.signature.name), { width: WIDTH });
  doc.font('Helvetica').text(winAnsi(c.signature.function), { width: WIDTH });
  doc.moveDown(1.2);
}

function pageNumbers(doc: PDFKit.PDFDocument, c: BesluitContent): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin first.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(GREY)
      .text(
        winAnsi(`Kenmerk ${c.kenmerk} - pagina ${i - range.start + 1} van ${range.count}`),
        MARGIN.left,
        doc.page.height - 45,
        { width: WIDTH, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The besluit as an A4 PDF, Helvetica, numbered pages when it runs over one. With a documentDate
 * the same content gives the same bytes (the PDF's creation date is that day), so a hash
 * identifies the letter.
 */
export function renderBesluit(content: BesluitContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      info: {
        Title: winAnsi(`${content.subject} - ${content.kenmerk}`),
        Author: winAnsi(content.municipality.letterhead),
        Creator: 'Doorstroom',
        Producer: 'Doorstroom',
        CreationDate: content.documentDate ? new Date(`${content.documentDate}T12:00:00Z`) : new Date(),
      },
      lang: 'nl-NL',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    letterhead(doc, content);
    doc
      .font('Helvetica')
      .fontSize(BODY)
      .fillColor('black')
      .text(winAnsi(content.salutation), MARGIN.left, doc.y, { width: WIDTH });
    doc.moveDown(0.6);
    paragraph(doc, { text: content.introduction });
    heading(doc, 'Ons besluit');
    doc
      .font('Helvetica-Bold')
      .fontSize(BODY + 0.5)
      .text(winAnsi(content.decision), MARGIN.left, doc.y, { width: WIDTH });
    doc.moveDown(0.8);
    heading(doc, 'Waarom wij zo besluiten');
    for (const s of content.motivation) section(doc, s, true);
    if (content.deviation) section(doc, content.deviation);
    signature(doc, content);
    keepTogether(doc, content.bezwaar);
    section(doc, content.bezwaar);
    pageNumbers(doc, content);
    doc.end();
  });
}
