import { reviewEnUS } from './review.en-US';
import type { Messages } from './zh-CN';

export const enUS: Messages = {
  app: {
    productName: 'OSEA Review Workstation',
    productFullName: 'OSEA Vocational Skills Digital Archive · Review Workstation',
    loading: 'Loading…',
  },
  nav: {
    label: 'Main navigation',
    tasks: 'Review tasks',
    applications: 'Expert applications',
    batches: 'Batches',
    settings: 'Settings',
    about: 'About',
  },
  session: {
    notSignedIn: 'Not signed in',
    signInBanner: {
      title: 'Not signed in',
      description:
        'All menus are shown for now. Once you sign in, the menu keeps only what your roles need: certification experts see Review tasks, committee members see Expert applications, institutions see Batches.',
    },
  },
  sync: {
    offline: 'Offline · not connected',
    online: 'Connected',
    pending: '{{count}} waiting to sync',
    registry: 'Registry: {{url}}',
    tooltip:
      'Sync with the registry starts after you sign in; work done offline is saved on this computer and synced once online.',
  },
  pages: {
    tasks: {
      title: 'Review tasks',
      description:
        "Watch institutions' demonstration videos frame by frame, score them against the certification standard and sign a decision.",
      empty: 'Review tasks assigned to you will appear here.',
      emptyHint:
        'After you sign in and sync with the registry, tasks and their videos are downloaded to this computer, so you can watch and score them offline.',
    },
    applications: {
      title: 'Expert applications',
      description: 'Vet certification-expert applications against Article 15 of the rules and vote as a committee.',
      empty: 'Expert applications awaiting your review and vote will appear here.',
      emptyHint:
        'Sign in as a committee member and sync; the application files (certificates, recommendations, training records) then appear here.',
    },
    batches: {
      title: 'Batches',
      description:
        'Prepare submissions in batches: import the roster, check identities and certificates, match videos and upload them resumably.',
      empty: "Your institution's submission batches will appear here.",
      emptyHint:
        'Sign in as a service institution to start a batch from an Excel roster and follow each worker until the archive is issued.',
    },
  },
  settings: {
    title: 'Settings',
    description: 'These settings are saved in the data file on this computer.',
    registryUrl: {
      label: 'Registry URL',
      help: 'The registry server used to sync review tasks and decisions; starts with http:// or https://.',
      placeholder: 'https://registry.example.org',
    },
    language: {
      label: 'Language',
    },
    dataDir: {
      label: 'Data folder',
      help: 'Where the local database and the video cache live (read-only).',
    },
    version: {
      label: 'Version',
    },
    save: 'Save',
    saved: 'Settings saved',
    saveFailed: 'Settings not saved: {{message}}',
    loadFailed: 'Could not read the settings',
  },
  about: {
    title: 'About',
    version: 'Version',
    mode: 'Running as',
    modes: {
      electron: 'Desktop app',
      web: 'Web mode (local browser)',
    },
    platform: 'Platform',
    licences: 'Open-source components used by this software are under their own licences (MIT, Apache-2.0, BSD and others).',
    rules: 'OSEA Digital Archive Public Registry — Management Rules',
    rulesLabel: 'Rules',
    close: 'Close',
  },
  store: {
    unavailable: {
      title: 'The local data file cannot be opened',
      file: 'File: {{file}}',
      reason: 'Reason: {{reason}}',
      hint: 'Your data is never cleared automatically. You can move this file aside and start with a new, empty one (the old file is kept for support to recover), or quit.',
      moveAside: 'Move it aside and start fresh',
      quit: 'Quit',
      movedTo: 'The old file was moved to: {{path}}',
      quitting: 'The app is quitting; you can close this window.',
    },
    checkFailed: {
      title: 'Cannot reach the workstation back end',
      retry: 'Retry',
    },
  },
  errors: {
    validation: 'Some input is not valid; please check the highlighted fields.',
    notFound: 'The requested record was not found.',
    conflict: 'This record was changed by another operation; refresh and try again.',
    offline: 'Cannot reach the workstation back end or the registry; check the network or try again later.',
    unauthorized: 'The access token is missing or expired; reopen the address printed at start-up.',
    forbidden: 'Your roles do not allow this action.',
    unknownChannel: 'Internal error: unknown call channel.',
    untrustedSender: 'The request came from an untrusted sender and was refused.',
    storeUnavailable: 'The local data file is unavailable.',
    storeHealthy: 'The local data file is healthy; there is nothing to move aside.',
    internal: 'Something went wrong inside the app; try again, and contact support if it persists.',
    signIn: {
      invalidCredentials: 'The user name or password is not correct.',
      rateLimited: 'Too many sign-in attempts; please try again later.',
      offlineUseUnlock: 'Cannot reach the registry. You have signed in on this computer before, so you can unlock offline and keep working.',
      offlineFirstSignIn: 'Cannot reach the registry. The first sign-in must be online; check the network and try again.',
      accountChanged: 'The registry account with this name is no longer the one recorded on this computer, so sign-in was refused to keep the data apart. Contact your administrator.',
    },
    unlock: {
      noLocalProfile: 'There is no sign-in record for this user on this computer; sign in online once first.',
      wrongPassword: 'The password is not correct.',
    },
    session: {
      locked: 'The workstation is locked; sign in or unlock first.',
    },
    settings: {
      registryUrl: {
        invalid: 'Invalid registry URL: enter a full address starting with http:// or https://.',
      },
    },
    openExternal: {
      httpsOnly: 'Only https:// links can be opened.',
    },
  },
  // The frame-accurate player (renderer/src/player).
  review: reviewEnUS,
  player: {
    label: 'Frame-accurate player',
    frame: 'Frame',
    frameOf: 'of {{count}} frames',
    timecode: 'Timecode',
    play: 'Play',
    pause: 'Pause',
    rate: 'Speed {{rate}}×',
    slower: 'Slower',
    faster: 'Faster',
    stepBack: 'Back one frame',
    stepForward: 'Forward one frame',
    setIn: 'Set in',
    setOut: 'Set out',
    inPoint: 'In {{frame}}',
    outPoint: 'Out {{frame}}',
    noPoint: '—',
    loop: 'Loop in–out',
    loopOn: 'Loop: on',
    loopOff: 'Loop: off',
    zoom: 'Zoom {{scale}}×',
    zoomHint: 'Drag the picture to pan while zoomed',
    marksStrip: 'Marks strip',
    jumpToMark: 'Jump to mark “{{label}}” (frame {{frame}})',
    shortcuts: 'Shortcuts',
    loading: 'Loading video…',
    integrity: {
      title: 'The frame table does not match the video — playback refused',
      description:
        'To avoid showing a wrong frame number, the player will not use this video. Download the task’s video and frame table again.',
      reason: 'Reason: {{reason}}',
      redownload: 'Download again',
      reasons: {
        duration: 'The video’s duration differs from the frame table’s last timestamp by more than a frame',
        size: 'The picture size does not match the frame table (rotation included)',
        mediaTime: 'The browser showed a frame time that is not in the frame table',
        seekLanded: 'The frame shown after seeking is not the frame requested',
        table: 'The frame table is not valid',
        media: 'The video cannot be loaded or decoded',
      },
    },
    keys: {
      togglePlay: 'Play / pause',
      pause: 'Pause',
      shuttleReverse: 'Reverse (frame steps back; press again for faster)',
      shuttleForward: 'Play forward (press again for faster)',
      stepBack: 'Back one frame',
      stepForward: 'Forward one frame',
      jumpBack10: 'Back ten frames',
      jumpForward10: 'Forward ten frames',
      setIn: 'Set in point',
      setOut: 'Set out point',
      previousMark: 'Previous mark',
      nextMark: 'Next mark',
      toggleLoop: 'Loop in–out',
      slower: 'Slower',
      faster: 'Faster',
      firstFrame: 'First frame',
      lastFrame: 'Last frame',
      cycleZoom: 'Zoom 1× / 2× / 4×',
    },
  },
};
