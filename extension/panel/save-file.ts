// Saves what the side panel made (an export, unsent changes) as a file the browser downloads.

/** Saves text as a file through a download link on a Blob (no permission needed from an extension page). */
export function saveFile(doc: Document, filename: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
