/** Types of netns.mjs (plain JavaScript, so `npm test` starts without a TypeScript loader). */
export function namespaceFlags(): string[] | undefined;
export function loopbackUp(): boolean;
