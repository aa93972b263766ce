import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateAppError } from '../../i18n/error-message';
import { LocalProfileList } from './LocalProfileList';
import type { Credentials, SignInOutcome } from './sign-in-flow';
import { signInProblem, type SignInField } from './sign-in-problem';
import { useSignIn } from './use-session-actions';

/** Username and password; one button that signs in online or, with the registry away, unlocks offline. */
export function SignInForm({ registryUrl }: { registryUrl: string | undefined }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<Credentials>();
  const username = useRef<InputRef>(null);
  const password = useRef<InputRef>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const onOutcome = (outcome: SignInOutcome) => {
    if (outcome.kind === 'signedIn') {
      setFailure(null);
      if (outcome.mode === 'offline') {
        notification.warning({
          title: t('session.signIn.offlineUnlocked.title'),
          description: t('session.signIn.offlineUnlocked.description'),
          // Bottom right: the top right is where the account menu is.
          placement: 'bottomRight',
          duration: 8,
          props: { 'data-testid': 'offline-unlocked' },
        });
      } else {
        void message.success(t('session.signIn.welcome', { name: outcome.profile.displayName }));
      }
      return;
    }
    const problem = signInProblem(outcome.step, outcome.error);
    setFailure(problem.key ? t(problem.key) : translateAppError(t, outcome.error));
    // The cursor goes where the fix is typed (once the form is enabled again); a wrong password is cleared.
    if (problem.field === 'password') form.setFieldValue('password', '');
    focusNext.current = problem.field;
  };
  const { signIn, pending, step } = useSignIn(onOutcome);
  const focusNext = useRef<SignInField | null>(null);
  useEffect(() => {
    if (pending || !focusNext.current) return;
    (focusNext.current === 'password' ? password : username).current?.focus();
    focusNext.current = null;
  }, [pending]);

  const pickProfile = (username: string) => {
    form.setFieldsValue({ username, password: '' });
    setFailure(null);
    password.current?.focus();
  };

  return (
    <>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={t('session.signIn.failed')}
          description={failure}
          style={{ marginBottom: 20 }}
          data-testid="sign-in-error"
          role="alert"
        />
      )}
      <Form<Credentials>
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        disabled={pending}
        onFinish={(values) => signIn({ username: values.username.trim(), password: values.password })}
        onValuesChange={() => failure && setFailure(null)}
        data-testid="sign-in-form"
      >
        <Form.Item
          name="username"
          label={t('session.signIn.username')}
          rules={[
            { required: true, whitespace: true, message: t('session.signIn.usernameRequired') },
            { max: 64, message: t('session.signIn.usernameTooLong') },
          ]}
        >
          <Input
            ref={username}
            prefix={<UserOutlined />}
            placeholder={t('session.signIn.usernamePlaceholder')}
            autoComplete="username"
            autoFocus
            data-testid="sign-in-username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('session.signIn.password')}
          rules={[
            { required: true, message: t('session.signIn.passwordRequired') },
            { max: 256, message: t('session.signIn.passwordTooLong') },
          ]}
        >
          <Input.Password
            ref={password}
            prefix={<LockOutlined />}
            placeholder={t('session.signIn.passwordPlaceholder')}
            autoComplete="current-password"
            data-testid="sign-in-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="sign-in-submit" data-step={step ?? 'idle'}>
          {step === 'offline' ? t('session.signIn.unlocking') : step === 'online' ? t('session.signIn.connecting') : t('session.signIn.submit')}
        </Button>
      </Form>
      <LocalProfileList registryUrl={registryUrl} onPick={pickProfile} />
    </>
  );
}
