/** Extracts a PDF's text with pdf-parse, for assertions on what it says. */
import { PDFParse } from 'pdf-parse';

export async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.text;
  } finally {
    await parser.destroy();
  }
}
