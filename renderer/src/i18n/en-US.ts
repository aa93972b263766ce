import { reviewEnUS } from './review.en-US';
import type { Messages } from './zh-CN';
import { syncEnUS } from './sync.en-US';

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
    sync: 'Sync queue',
  },
  session: {
    signIn: {
      title: 'Sign in',
      subtitle: 'Use your registry account',
      registry: 'Registry',
      changeRegistry: 'Change',
      username: 'Username',
      usernamePlaceholder: 'Enter your username',
      usernameRequired: 'Enter your username.',
      usernameTooLong: 'The username has at most 64 characters.',
      password: 'Password',
      passwordPlaceholder: 'Enter your password',
      passwordRequired: 'Enter your password.',
      passwordTooLong: 'The password has at most 256 characters.',
      submit: 'Sign in',
      connecting: 'Connecting to the registry…',
      unlocking: 'The registry is unreachable; unlocking offline with the credentials on this computer…',
      failed: 'Sign-in failed',
      offlineHint:
        'The first sign-in needs the network. Afterwards, when the registry is unreachable, you can unlock offline on this computer with the same password; work done offline syncs once you are back online.',
      welcome: 'Welcome, {{name}}',
      offlineUnlocked: {
        title: 'Unlocked offline: you are working offline',
        description: 'The registry cannot be reached right now. Your decisions are saved on this computer and sync automatically once you are online.',
      },
      offlineWrongPassword:
        'The registry is unreachable and the offline unlock failed: the password differs from the one you last used to sign in online on this computer.',
      offlineNoProfile:
        'The registry is unreachable and this user has never signed in on this computer. The first sign-in needs the network: check the connection or the registry URL and try again.',
      validation: 'The username or password is not in a valid form; check them and try again.',
    },
    profiles: {
      title: 'Accounts on this computer',
      hint: 'Click an account to fill in its username',
      lastOnline: 'Last online sign-in {{time}}',
      otherRegistries: '{{count}} more account(s) belong to other registry URLs; switch the registry URL to see them.',
    },
    signedOutSettings: {
      back: 'Back to sign-in',
    },
    language: 'Language',
    roles: {
      expert: 'Certification expert',
      committee: 'Committee member',
      coordinator: 'Institution coordinator',
      admin: 'Administrator',
    },
    userMenu: {
      label: 'Account menu: {{name}}',
      username: 'Username: {{username}}',
      roles: 'Roles',
      signOut: 'Sign out',
      signOutHint: 'Locks the workstation; local data and queued changes stay',
      forget: 'Sign out and forget the sign-in on this computer',
      forgetHint: 'Revokes this computer’s registry sign-in',
      forgetConfirm: {
        title: 'Sign out and forget the sign-in on this computer?',
        description:
          'This revokes this computer’s sign-in at the registry and deletes the sign-in tokens stored here. Saved decisions and queued changes stay on this computer; syncing resumes only after the next online sign-in (offline, the password still unlocks for viewing and scoring).',
        ok: 'Sign out and forget',
        cancel: 'Cancel',
      },
      signedOut: 'Signed out',
      signOutFailed: 'Sign-out failed: {{message}}',
    },
  },
  sync: syncEnUS,
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
    mediaQuota: {
      label: 'Video cache limit',
      help: 'Over the limit, videos of finished tasks are removed (least recently opened first); videos of open tasks are kept.',
      usage: 'In use: {{used}} of {{quota}}',
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
