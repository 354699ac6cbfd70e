/**
 * The page's CSP refuses every inline style that does not carry this load's nonce. antd takes the
 * nonce through ConfigProvider (main.tsx), but a few rc-component helpers (the modal scroll locker,
 * the scrollbar probe, TextArea's autosize mirror) insert <style> elements or set style attributes
 * without one. Styles that our own scripts create (already trusted through the script nonce) are
 * given the nonce or set through the CSSOM here; markup injected into the page still cannot style
 * anything.
 */
import { readCspNonce } from '../../../shared/security';

export const cspNonce = readCspNonce(document);

export function trustScriptCreatedStyles(nonce: string | undefined): void {
  if (!nonce) return;
  const withNonce = (node: Node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with the node's own this
  const { appendChild, insertBefore } = Node.prototype;
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    withNonce(node);
    // appendChild returns the node it was given
    return appendChild.call(this, node) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    withNonce(node);
    // insertBefore returns the node it was given
    return insertBefore.call(this, node, child) as T;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with the element's own this
  const { setAttribute } = Element.prototype;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string): void {
    // The CSSOM is not subject to the policy; the style attribute written from markup is.
    if (name.toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
      this.style.cssText = value;
      return;
    }
    setAttribute.call(this, name, value);
  };
}

/**
 * A document shown in an iframe through srcdoc inherits the page's CSP: its stylesheets get this
 * load's nonce, and its style attributes (which the policy refuses from markup) are kept aside to
 * be set through the CSSOM once loaded (applyFrameStyles). The documents we show escape their text,
 * so ` style="` only ever starts an attribute.
 */
export const srcDocUnderCsp = (html: string): string =>
  html
    .replaceAll('<style>', `<style nonce="${cspNonce ?? ''}">`)
    .replace(/ style="([^"]*)"/g, ' data-inline-style="$1"');

/** The iframe's onLoad: sets the style attributes srcDocUnderCsp kept aside. */
export const applyFrameStyles = (frame: HTMLIFrameElement | null): void => {
  frame?.contentDocument?.querySelectorAll<HTMLElement>('[data-inline-style]').forEach((node) => {
    node.style.cssText = node.dataset.inlineStyle ?? '';
  });
};
