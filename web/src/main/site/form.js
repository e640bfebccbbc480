// The form, built from the engine's list of controls (jgrad.controls()), so that a control the engine adds
// appears here with its label, choices and bounds; and the query that the form's values make.

/** Keys the page draws itself rather than as a plain field. */
const SPECIAL = new Set(['hidden', 'features', 'play', 'test']);
/** Which controls sit in the data column; the rest are the network's settings. */
const DATA = /^(data|dataset|noise|points|n|size|ratio|split|train|test|testRatio|trainRatio|test_ratio|holdout)$/i;

/** Builds the plain fields into the two forms; answers {key: element}. */
export function build(controls, dataForm, netForm, featureBox, showTest) {
  dataForm.textContent = '';
  netForm.textContent = '';
  const fields = {};
  for (const c of controls) {
    if (c.key === 'test') {
      fields.test = showTest;   // "show test data" is part of a shared link too
      continue;
    }
    if (c.key === 'features') {
      fields.features = features(c, featureBox);
      continue;
    }
    if (SPECIAL.has(c.key)) {
      continue;
    }
    const form = DATA.test(c.key) || /data|noise|point|ratio|split/i.test(c.label || '') ? dataForm : netForm;
    const id = 'control-' + c.key;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = c.label || c.key;
    let input;
    if (c.kind === 'choice') {
      input = document.createElement('select');
      for (const choice of c.choices || []) {
        const o = document.createElement('option');
        o.value = String(choice);
        o.textContent = String(choice);
        input.append(o);
      }
    } else if (c.kind === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
    } else {
      input = document.createElement('input');
      // Text, not type=number: a number field hands over '' for what it cannot parse ("0,5"), so the engine
      // could only say the value is empty; as text, the engine sees what was typed and says what is wrong.
      input.type = 'text';
      input.inputMode = c.kind === 'integer' ? 'numeric' : 'decimal';
      input.autocomplete = 'off';
      if ((c.choices || []).length > 0) {
        // A number that also takes words ("batch: full"): the words are offered.
        const list = document.createElement('datalist');
        list.id = 'choices-' + c.key;
        for (const w of c.choices) {
          const o = document.createElement('option');
          o.value = w;
          list.append(o);
        }
        form.append(list);
        input.setAttribute('list', list.id);
      }
    }
    input.id = id;
    input.name = c.key;
    input.dataset.testid = 'control-' + c.key;
    form.append(label, input);
    fields[c.key] = input;
  }
  return fields;
}

function features(control, box) {
  box.querySelectorAll('label').forEach(l => l.remove());
  const boxes = [];
  (control.choices || []).forEach((name, i) => {
    const l = document.createElement('label');
    const b = document.createElement('input');
    b.type = 'checkbox';
    b.value = String(name);
    b.dataset.testid = 'feature-' + name;
    l.append(b, ' ' + (control.labels && control.labels[i] ? control.labels[i] : name));
    box.append(l);
    boxes.push(b);
  });
  return boxes;
}

/** A list value as the engine may give it: an array, a comma-separated string, or one number. */
export function list(value) {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  if (value === null || value === undefined || value === '' || value === 'none') {
    return [];
  }
  return String(value).split(',').map(s => s.trim()).filter(s => s.length > 0);
}

/** Puts a setup's values ({"setup":{key: value}}) into the fields. */
export function fill(fields, setup) {
  for (const [key, field] of Object.entries(fields)) {
    if (!(key in setup)) {
      continue;
    }
    const value = setup[key];
    if (key === 'features') {
      const on = new Set(list(value));
      field.forEach(b => { b.checked = on.has(b.value); });
    } else if (field.type === 'checkbox') {
      field.checked = value === true || value === 1 || value === '1';
    } else {
      const text = value === null || value === undefined ? '' : String(value);
      if (field.tagName === 'SELECT') {
        // A value the choices do not list (one activation per layer: "tanh,relu") is shown as an option of its own.
        field.querySelectorAll('option[data-given]').forEach(o => o.remove());
        if (![...field.options].some(o => o.value === text)) {
          const o = document.createElement('option');
          o.value = text;
          o.textContent = text;
          o.dataset.given = '1';
          field.append(o);
        }
      }
      field.value = text;
    }
  }
}

/** The query of the fields' values, with the hidden sizes and the features. */
export function query(fields, hidden) {
  const q = new URLSearchParams();
  for (const [key, field] of Object.entries(fields)) {
    if (key === 'features') {
      q.set('features', field.filter(b => b.checked).map(b => b.value).join(','));
    } else if (field.type === 'checkbox') {
      q.set(key, field.checked ? '1' : '0');
    } else {
      q.set(key, field.value.trim());
    }
  }
  q.set('hidden', hidden.join(','));
  return q.toString();
}
