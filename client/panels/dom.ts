/**
 * Tiny DOM builder. Text always goes in through textContent: API data never becomes
 * markup (no innerHTML), and no inline style attributes exist for the CSP to block.
 */
type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'style') throw new Error('el(): set styles through el.style, not an attribute');
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node as T;
}

/** A Hide/Show button in a panel's head that folds the panel's body (which has an id) away. */
export function foldButton(body: HTMLElement): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'panel-collapse', 'aria-expanded': 'true', 'aria-controls': body.id }, 'Hide');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide' : 'Show';
    body.hidden = !open;
  });
  return button;
}
