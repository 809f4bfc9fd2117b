/** Local stand-ins for Slack, for end-to-end, load and fault tests of the real Bolt app. */
export {
  type FakeResponseUrls,
  type ResponseUrlPost,
  startFakeResponseUrls,
} from './fake-response-url.js';
export {
  type FakeSocketMode,
  type FakeSocketModeOptions,
  type SocketAck,
  startFakeSocketMode,
} from './fake-socket-mode.js';
export {
  type FakeSlackWebApi,
  type FakeSlackWebApiOptions,
  startFakeSlackWebApi,
  type WebApiCall,
  type WebApiFailure,
} from './fake-web-api.js';
export {
  blockText,
  buttons,
  markupText,
  type SentButton,
  visibleText,
} from './message-inspection.js';
export { validateMessage } from './message-validation.js';
export * from './payloads.js';
export { createRecordingLogger, type LogRecord } from './recording-logger.js';
export { postAsSlack, type SlackPost, signSlackRequest } from './sign-request.js';
export { quiet, waitFor } from './wait-for.js';
