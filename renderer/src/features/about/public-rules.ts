/**
 * Where the public registry publishes its management rules. Placeholder address until the registry's public site
 * is fixed; it must stay https — app.openExternal refuses anything else.
 */
export const PUBLIC_RULES_URL = 'https://osea.org.cn/rules';
