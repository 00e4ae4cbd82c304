/*
 * Small helpers shared by the calculators' widget (widget.js) and the negotiation kit
 * (docs/kit/kit.js): one copy of each, imported by both.
 *
 * Published by macros/runtime.py as assets/runtime/common-<hash>.js; the build rewrites the
 * importing scripts' `from "./common.js"` (or "../assets/calculator/common.js") to that hashed
 * name, and the pages preload it (<link rel="modulepreload">) so it arrives with the widget
 * script instead of one round trip later. Same syntax floor as widget.js (ES2017).
 */

/** Save text the page already has as a file (nothing is sent anywhere). */
export function saveText(text, filename, type) {
  const blob = new Blob([text], { type: type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** `value` safe inside a CSS attribute selector ('[name="' + cssEscape(name) + '"]'). */
export function cssEscape(value) {
  if (window.CSS && CSS.escape) return CSS.escape(value);
  return String(value).replace(/[^a-zA-Z0-9_-]/g, (c) => "\\" + c);
}

/** A form's values as a flat {name: value} map of strings, as submitted (no buttons, nothing disabled). */
export function formValues(form) {
  const out = {};
  if (!form) return out;
  const elements = form.elements;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (!el.name || el.disabled || el.type === "button" || el.type === "submit") continue;
    out[el.name] = el.value;
  }
  return out;
}
