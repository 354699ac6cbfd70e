/**
 * The page's CSP refuses every inline style that does not carry this load's nonce. antd takes the
 * nonce through ConfigProvider (main.tsx), but a few rc-component helpers (the modal scroll locker,
 * the scrollbar probe, TextArea's autosize mirror) insert <style> elements or set style attributes
 * without one. Styles that our own scripts create (already trusted through the script nonce) are
 * given the nonce or set through the CSSOM here; markup injected into the page still cannot style
 * anything.
 */
import { readCspNonce } from '../../shared/security';

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
    return appendChild.call(this, node) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    withNonce(node);
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
