// One AuthorDocument for the whole view: the forms, the events table and the YAML tab all edit it,
// and every edit bumps a version so that the view reads the new text. An edit the model refuses
// (AuthorError: a taken id, YAML that would not parse) leaves the text as it was and says why.
import { useCallback, useMemo, useRef, useState } from 'react';
import { AuthorDocument, AuthorError, scenarioProblems, type Problems } from '../../../core/author/index.ts';

export interface AuthorEditor {
  doc: AuthorDocument;
  text: string;
  /** The document as plain data (undefined while the YAML does not parse). */
  value: unknown;
  problems: Problems;
  /** Why the last edit was refused; null after an edit that went through. */
  refused: string | null;
  /** Run an edit; returns false (and sets `refused`) when the model refused it. */
  edit(change: (doc: AuthorDocument) => void): boolean;
  clearRefused(): void;
}

export function useAuthorDocument(initial: string, fileName: string): AuthorEditor {
  const docRef = useRef<AuthorDocument | null>(null);
  if (docRef.current === null) docRef.current = AuthorDocument.open(initial);
  const doc = docRef.current;
  const [text, setText] = useState(doc.text);
  const [refused, setRefused] = useState<string | null>(null);
  const problems = useMemo(() => scenarioProblems(text, fileName), [text, fileName]);
  const value = useMemo(() => (text === doc.text ? doc.value() : undefined), [text, doc]);

  const edit = useCallback((change: (d: AuthorDocument) => void): boolean => {
    try {
      change(doc);
      setRefused(null);
      return true;
    } catch (error) {
      if (!(error instanceof AuthorError)) throw error;
      setRefused(error.message);
      return false;
    } finally {
      setText(doc.text);
    }
  }, [doc]);

  return { doc, text, value, problems, refused, edit, clearRefused: useCallback(() => setRefused(null), []) };
}
