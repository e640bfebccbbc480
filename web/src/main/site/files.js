// Files in and out: a CSV read from the learner's disk, the data and the model handed to the browser to save.
import * as jgrad from './engine.js';

/** Reads the file chosen in input as text and hands it to then; the same file again is a change too. */
export function read(input, message, then) {
  const file = input.files && input.files[0];
  if (!file) {
    return;
  }
  const reader = new FileReader();
  reader.onerror = () => message(file.name + ': could not be read');
  reader.onload = () => {
    then(String(reader.result));
    input.value = '';
  };
  reader.readAsText(file);
}

/** Hands the browser a text as a file to save. */
function save(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Download the data": every point as the CSV jgrad train and the page read. */
export function downloadData(message) {
  try {
    save(jgrad.dataCsv(), 'points.csv', 'text/csv');
  } catch (e) {
    message('the data could not be written: ' + (e && e.message ? e.message : e));
  }
}

/** "Download model.json": the model jgrad predict reads, or the engine's reason why not. */
export function download(message) {
  let text;
  try {
    text = jgrad.modelJson();
    const a = JSON.parse(text);
    if (a && a.ok === false) {
      message(a.error);
      return;
    }
  } catch (e) {
    message('the model could not be written: ' + (e && e.message ? e.message : e));
    return;
  }
  save(text, 'model.json', 'application/json');
}
