// The YAML tab: the text itself. Typing here replaces the document's text (one undo step per
// change); a problem's line is selected in it when the author jumps there.
import { useEffect, useRef } from 'react';
import type { AuthorEditor } from './use-author-document.ts';

/** Offset of the start of line `line` (1-based). */
function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

export function YamlTab({ editor, jump }: { editor: AuthorEditor; jump: { line: number; column: number; seq: number } | null }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const area = ref.current;
    if (!area || !jump) return;
    const start = lineStart(area.value, jump.line);
    const end = area.value.indexOf('\n', start);
    area.focus();
    area.setSelectionRange(start + Math.max(0, jump.column - 1), end === -1 ? area.value.length : end);
    // Roughly where the line is: a textarea has no API to scroll to a line.
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (jump.line - 5) * lineHeight);
  }, [jump]);
  return (
    <label className="stack">
      <span>Scenario YAML</span>
      <textarea ref={ref} className="code" spellCheck={false} rows={32} value={editor.text}
        style={{ fontFamily: 'monospace', width: '100%', whiteSpace: 'pre', tabSize: 2 }}
        onChange={(e) => editor.edit((d) => d.setText(e.target.value))} />
    </label>
  );
}
