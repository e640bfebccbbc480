// The page: draws and listens; jgrad's engine (engine.js, compiled from Java by TeaVM) does the rest.
import * as jgrad from './engine.js';

const answer = JSON.parse(jgrad.setup(location.search.replace(/^\?/, '')));
document.getElementById('message').textContent = answer.ok ? '' : answer.error;
