import type { HandlerTable } from '../ipc/handler-table';
import type { EventHub } from '../events/event-hub';
import type { SettingsRepository } from '../db/repositories/settings-repository';

type SettingsHandlers = Pick<HandlerTable, 'settings.get' | 'settings.update'>;

export const createSettingsService = (repository: SettingsRepository, events: EventHub): SettingsHandlers => ({
  'settings.get': async () => repository.get(),
  'settings.update': async (patch) => {
    const settings = repository.update(patch);
    events.emit('settings.changed', { language: settings.language, registryUrl: settings.registryUrl });
    return settings;
  },
});
