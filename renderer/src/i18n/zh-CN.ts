import { reviewZhCN } from './review.zh-CN';

/**
 * zh-CN: the source of truth for every UI string (DESIGN §3). en-US must have exactly these keys; its type is
 * derived from this object, so a missing or extra key there is a compile error.
 */
export const zhCN = {
  app: {
    productName: 'OSEA 审核工作站',
    productFullName: 'OSEA 职业技能数字化档案 · 审核工作站',
    loading: '正在加载…',
  },
  nav: {
    label: '主导航',
    tasks: '审核任务',
    applications: '专家申请',
    batches: '批次',
    settings: '设置',
    about: '关于',
  },
  session: {
    notSignedIn: '未登录',
    signInBanner: {
      title: '尚未登录',
      description:
        '当前显示全部功能菜单。登录后，菜单将只保留与您的角色相关的功能：认证专家看到“审核任务”，评审专家委员会成员看到“专家申请”，服务机构看到“批次”。',
    },
  },
  sync: {
    offline: '离线 · 未连接',
    online: '已连接',
    pending: '待同步 {{count}} 项',
    registry: '公示网：{{url}}',
    tooltip: '与公示网的同步将在登录后启动；离线期间的操作会保存在本机，联网后自动同步。',
  },
  pages: {
    tasks: {
      title: '审核任务',
      description: '对服务机构提交的实操演示视频逐帧审看，依据认证标准评分并签署审核意见。',
      empty: '分配给您的审核任务会显示在这里。',
      emptyHint: '登录并与公示网同步后，任务及其视频会下载到本机，之后即可离线审看和评分。',
    },
    applications: {
      title: '专家申请',
      description: '依照管理制度第十五条审查认证专家申请，并由评审专家委员会投票表决。',
      empty: '待您审查和投票的专家申请会显示在这里。',
      emptyHint: '以评审专家委员会成员身份登录并同步后，申请材料（证书、推荐函、培训记录）会出现在此处。',
    },
    batches: {
      title: '批次',
      description: '批量准备提交：导入人员名单、核验身份与证书、匹配视频并断点续传上传。',
      empty: '本机构准备的提交批次会显示在这里。',
      emptyHint: '以服务机构身份登录后，可从 Excel 名单新建批次，并跟踪每位人员直至档案签发。',
    },
  },
  settings: {
    title: '设置',
    description: '这些设置保存在本机的数据文件中。',
    registryUrl: {
      label: '公示网地址',
      help: '同步审核任务与审核意见所用的公示网服务器地址，以 http:// 或 https:// 开头。',
      placeholder: 'https://registry.example.org',
    },
    language: {
      label: '界面语言',
    },
    dataDir: {
      label: '数据文件夹',
      help: '本机数据库与视频缓存所在的位置（只读）。',
    },
    version: {
      label: '软件版本',
    },
    save: '保存',
    saved: '设置已保存',
    saveFailed: '设置未保存：{{message}}',
    loadFailed: '无法读取设置',
  },
  about: {
    title: '关于',
    version: '版本',
    mode: '运行方式',
    modes: {
      electron: '桌面应用',
      web: 'Web 模式（本机浏览器）',
    },
    platform: '平台',
    licences: '本软件使用的开源组件遵循其各自的许可证（MIT、Apache-2.0、BSD 等）。',
    rules: '《OSEA 职业技能数字化档案公示网管理制度》',
    rulesLabel: '规则',
    close: '关闭',
  },
  store: {
    unavailable: {
      title: '无法打开本地数据文件',
      file: '文件：{{file}}',
      reason: '原因：{{reason}}',
      hint: '程序不会自动清除您的数据。您可以将该文件移到一旁并新建空白数据文件（原文件会保留，可交技术支持恢复），或直接退出。',
      moveAside: '移到一旁并重新开始',
      quit: '退出',
      movedTo: '原文件已移至：{{path}}',
      quitting: '程序正在退出，可以关闭此窗口。',
    },
    checkFailed: {
      title: '无法连接到工作站后台',
      retry: '重试',
    },
  },
  errors: {
    validation: '输入内容不符合要求，请检查标红的字段。',
    notFound: '找不到所请求的记录。',
    conflict: '该记录已被其他操作修改，请刷新后重试。',
    offline: '无法连接到工作站后台或公示网，请检查网络或稍后重试。',
    unauthorized: '访问令牌无效或已过期，请使用启动时显示的地址重新打开。',
    forbidden: '您的角色无权执行此操作。',
    unknownChannel: '程序内部错误：未知的调用通道。',
    untrustedSender: '请求来源不可信，已被拒绝。',
    storeUnavailable: '本地数据文件不可用。',
    storeHealthy: '本地数据文件状态正常，无需移开。',
    internal: '发生内部错误，请稍后重试；如问题持续，请联系技术支持。',
    signIn: {
      invalidCredentials: '用户名或密码不正确。',
      rateLimited: '登录尝试过于频繁，请稍后再试。',
      offlineUseUnlock: '无法连接公示网。您曾在本机登录过，可使用离线解锁继续工作。',
      offlineFirstSignIn: '无法连接公示网。首次登录必须联网，请检查网络后重试。',
      accountChanged: '公示网上同名账号已不是本机记录的账号，为避免混用数据，已拒绝登录。请联系管理员。',
    },
    unlock: {
      noLocalProfile: '本机没有该用户的登录记录，请先联网登录一次。',
      wrongPassword: '密码不正确。',
    },
    session: {
      locked: '工作站已锁定，请先登录或解锁。',
    },
    settings: {
      registryUrl: {
        invalid: '公示网地址无效：请输入以 http:// 或 https:// 开头的完整网址。',
      },
    },
    openExternal: {
      httpsOnly: '只能打开 https:// 开头的链接。',
    },
  },
  // The frame-accurate player (renderer/src/player).
  review: reviewZhCN,
  player: {
    label: '逐帧播放器',
    frame: '帧',
    frameOf: '共 {{count}} 帧',
    timecode: '时间码',
    play: '播放',
    pause: '暂停',
    rate: '速度 {{rate}}×',
    slower: '减速',
    faster: '加速',
    stepBack: '后退一帧',
    stepForward: '前进一帧',
    setIn: '设入点',
    setOut: '设出点',
    inPoint: '入点 {{frame}}',
    outPoint: '出点 {{frame}}',
    noPoint: '—',
    loop: '入出点循环',
    loopOn: '循环：开',
    loopOff: '循环：关',
    zoom: '放大 {{scale}}×',
    zoomHint: '放大后可拖动画面平移',
    marksStrip: '标记条',
    jumpToMark: '跳到标记“{{label}}”（第 {{frame}} 帧）',
    shortcuts: '快捷键',
    loading: '正在载入视频…',
    integrity: {
      title: '帧表与视频不一致，已拒绝播放',
      description: '为避免显示错误的帧号，播放器不会使用这份视频。请重新下载该任务的视频与帧表。',
      reason: '原因：{{reason}}',
      redownload: '重新下载',
      reasons: {
        duration: '视频时长与帧表的最后时间戳相差超过一帧',
        size: '视频画面尺寸与帧表不符（含旋转）',
        mediaTime: '浏览器显示的帧时间不在帧表中',
        seekLanded: '定位到的帧与请求的帧不一致',
        table: '帧表格式无效',
        media: '视频无法解码或无法加载',
      },
    },
    keys: {
      togglePlay: '播放/暂停',
      pause: '暂停',
      shuttleReverse: '倒放（逐帧后退，连按加速）',
      shuttleForward: '正向播放（连按加速）',
      stepBack: '后退一帧',
      stepForward: '前进一帧',
      jumpBack10: '后退十帧',
      jumpForward10: '前进十帧',
      setIn: '设入点',
      setOut: '设出点',
      previousMark: '上一个标记',
      nextMark: '下一个标记',
      toggleLoop: '入出点循环',
      slower: '减速',
      faster: '加速',
      firstFrame: '第一帧',
      lastFrame: '最后一帧',
      cycleZoom: '放大 1×/2×/4×',
    },
  },
} as const;

/** The same tree with every leaf widened to string: the type every other language must satisfy exactly. */
export type Messages<T = typeof zhCN> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
