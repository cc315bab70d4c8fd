/**
 * The help links the app may open in the person's browser, taken from the provider knowledge
 * (`shared/providers`). Until the catalogue's index module lands, the list is empty, so every
 * `openHelp` is refused (fail closed).
 */
export const PROVIDER_HELP_LINKS: readonly string[] = [];
