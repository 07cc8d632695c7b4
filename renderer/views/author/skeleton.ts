// File names for the Author view's texts. The blank skeletons per level are core/author/templates.ts.

/** A file name for a scenario's text: its id, else its title, as a slug. */
export function fileNameFor(id: unknown, title: unknown): string {
  const base = String(typeof id === 'string' && id ? id : typeof title === 'string' ? title : 'scenario')
    .toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${base || 'scenario'}.yaml`;
}
