/**
 * The wizard slice: which step is showing, the address and display name, the language and the
 * helpdesk switch, and the live-region announcement. Moving between steps runs through the guards
 * in steps.ts and starts the step's operation (finding servers, testing the login) on entry.
 */
import { parseAddress, type ParsedAddress } from '../../../shared/address.ts';
import type { AddressError } from '../../../shared/codes.ts';
import { dropUnsafeChars } from '../../../shared/control-chars.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import type { Announcement, SliceCreator } from './app-state.ts';
import { canEnter, stepAfter, stepBefore, type StepId } from './steps.ts';

export interface WizardSlice {
  step: StepId;
  language: Language;
  helpdesk: boolean;
  address: string;
  displayName: string;
  /** The address as parsed, when it is valid. */
  parsed: ParsedAddress | null;
  addressError: AddressError | null;
  /** Errors show once the person left the field, typed an `@` or tried to continue. */
  addressTouched: boolean;
  announcement: Announcement | null;
  setAddress(value: string): void;
  touchAddress(): void;
  setDisplayName(value: string): void;
  /** Validates the address and moves on to finding the servers; false when it is not valid. */
  submitAddress(): boolean;
  goTo(step: StepId): boolean;
  next(): boolean;
  back(): boolean;
  setLanguage(language: Language): void;
  setHelpdesk(on: boolean): void;
  /** Puts a sentence into the live region. Params ending in `Key` are translated first. */
  announce(key: string, params?: Record<string, string | number>): void;
  /** Starts over with a new address (language and helpdesk switch stay). */
  restart(): void;
}

let announcementId = 0;

export function createWizardSlice(language: Language): SliceCreator<WizardSlice> {
  return (set, get) => ({
    step: 'address',
    language,
    helpdesk: false,
    address: '',
    displayName: '',
    parsed: null,
    addressError: 'empty',
    addressTouched: false,
    announcement: null,

    setAddress(value) {
      const result = parseAddress(value);
      set({
        address: value,
        parsed: result.ok ? result.value : null,
        addressError: result.ok ? null : result.error,
        addressTouched: get().addressTouched || value.includes('@'),
      });
    },
    touchAddress() {
      if (get().address !== '') set({ addressTouched: true });
    },
    setDisplayName(value) {
      // Invisible controls and bidi overrides never reach a mail program's settings.
      set({ displayName: dropUnsafeChars(value, true).slice(0, 256) });
    },
    submitAddress() {
      get().setAddress(get().address);
      set({ addressTouched: true });
      if (!get().parsed) return false;
      return get().goTo('discovery');
    },

    goTo(step) {
      const state = get();
      if (!canEnter(step, state)) return false;
      const from = state.step;
      if (from === 'discovery' && step !== 'discovery' && state.check.status === 'running') {
        state.cancelCheck('check');
      }
      if (from === 'verify' && step !== 'verify' && state.verify.status === 'running') {
        state.cancelVerify();
      }
      set({ step });
      // The step's heading takes focus and is read out; the live region stays quiet here, so
      // each step is announced once (its operation may announce its own progress).
      const parsed = get().parsed;
      if (step === 'discovery' && parsed) {
        const check = get().check;
        if (
          check.target !== parsed.address ||
          check.status === 'error' ||
          check.status === 'stopped' ||
          check.status === 'idle'
        ) {
          void get().startCheck('check', parsed.address, false);
        }
      }
      if (step === 'password') void get().loadRemembered();
      if (step === 'verify') void get().startVerify();
      return true;
    },
    next() {
      const after = stepAfter(get().step);
      return after ? get().goTo(after) : false;
    },
    back() {
      const before = stepBefore(get().step);
      return before ? get().goTo(before) : false;
    },
    setLanguage(value) {
      set({ language: value });
    },
    setHelpdesk(on) {
      set({ helpdesk: on });
      get().announce(on ? 'wizard:announce.helpdesk-on' : 'wizard:announce.helpdesk-off');
    },
    announce(key, params) {
      announcementId += 1;
      set({ announcement: { key, ...(params ? { params } : {}), id: announcementId } });
    },
    restart() {
      const state = get();
      if (state.check.status === 'running') state.cancelCheck('check');
      if (state.verify.status === 'running') state.cancelVerify();
      state.resetSettings();
      state.resetVerify();
      state.resetExport();
      state.resetCheck('check');
      state.resetManualCheck();
      set({
        step: 'address',
        address: '',
        displayName: '',
        parsed: null,
        addressError: 'empty',
        addressTouched: false,
      });
    },
  });
}
