/** ANSI styling for terminals; plain text when output is piped or NO_COLOR is set. */
export function terminalStyle(stream: NodeJS.WriteStream) {
  const enabled = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== "0" : Boolean(stream.isTTY) && !process.env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), grey: wrap(90, 39), bold: wrap(1, 22) };
}

export type Style = ReturnType<typeof terminalStyle>;
