/** A configuration problem, named by field (and file and line when it came from one). */
export interface ConfigProblem {
  /** The key as the user wrote it: `host`, `--port`, input `fail-on`. */
  field: string;
  message: string;
  file?: string;
  line?: number;
}

export function formatProblem(p: ConfigProblem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : "";
  return `${where}${p.field}: ${p.message}`;
}
