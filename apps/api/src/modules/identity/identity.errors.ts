import { type CodesOf, defineErrors } from '../../common/errors';

export const IDENTITY_ERRORS = defineErrors({
  'auth/invalid-credentials': ['手机号或密码错误', 'Wrong phone number or password', 400],
  'auth/rate-limited': ['尝试次数过多，请稍后再试', 'Too many attempts, please try again later', 429],
  'auth/invalid-refresh-token': ['登录已失效，请重新登录', 'Your session has ended, please log in again', 401],
  'auth/refresh-superseded': ['登录凭据刚在另一处更新，请使用新的凭据', 'These tokens were just renewed elsewhere (another tab); use the new ones', 409],
  'auth/phone-invalid': ['请输入有效的中国大陆手机号', 'Enter a valid mainland China mobile number', 400],
  'auth/phone-taken': ['该手机号已注册', 'This phone number is already registered', 409],
  'auth/password-weak': ['密码至少 8 位，且需包含字母和数字', 'Passwords need at least 8 characters with letters and digits', 400],
  'auth/name-invalid': ['请输入 1 到 40 个字的姓名', 'Enter a name of 1 to 40 characters', 400],
  'org/uscc-invalid': ['统一社会信用代码无效（需 18 位且校验位正确）', 'Invalid unified social credit code (18 characters with a valid check character)', 400],
  'org/uscc-taken': ['该统一社会信用代码已被登记', 'This unified social credit code is already registered', 409],
  'org/name-invalid': ['请输入 2 到 60 个字的组织名称', 'Enter an organisation name of 2 to 60 characters', 400],
  'org/description-invalid': ['组织简介不能超过 2000 字', 'Organisation descriptions are at most 2000 characters', 400],
  'org/contact-name-invalid': ['联系人姓名需 1 到 40 个字', 'Contact names need 1 to 40 characters', 400],
  'org/not-found': ['组织不存在', 'Organisation not found', 404],
  'org/user-not-found': ['该手机号尚未注册，请对方先注册账号', 'No account uses this number yet; ask them to sign up first', 404],
  'org/member-not-found': ['该用户不是本组织成员', 'This user is not a member of the organisation', 404],
  'org/member-exists': ['该用户已是成员', 'This user is already a member', 409],
  'org/last-owner': ['组织至少需要一名所有者', 'An organisation needs at least one owner', 400],
  'org/reason-required': ['拒绝或暂停认证时请填写原因', 'Give a reason when refusing or suspending verification', 400],
  'org/reason-invalid': ['原因不能超过 500 字', 'Reasons are at most 500 characters', 400],
  'org/status-transition': ['组织当前的认证状态不能进行此操作', 'This change is not allowed in the organisation’s current verification status', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof IDENTITY_ERRORS> {}
}
