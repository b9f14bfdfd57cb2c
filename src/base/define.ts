/** The version stamped on every element class, to tell two copies of the library apart. */
export const VERSION = '0.1.0';

/**
 * Registers `tag` unless it is already registered, so a page that loads the
 * library twice (a script tag and a bundle, say) keeps working.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor & { version?: string },
): void {
  const existing = customElements.get(tag) as
    (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && existing.version !== ctor.version) {
    console.warn(
      `<${tag}> is already registered by portal-widgets ${existing.version ?? '(unknown version)'}; ` +
        `version ${ctor.version ?? '(unknown)'} is not registered again.`,
    );
  }
}
