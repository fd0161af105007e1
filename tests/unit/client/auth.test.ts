import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/api.js';
import { errorMessage } from '../../../client/auth/http.js';
import { readSignInCode, withoutSignInCode } from '../../../client/auth/signInUrl.js';

const CODE = `otc_${'a'.repeat(43)}`;

describe('first-start sign-in link', () => {
  it('when the link carries ?signin=, then the code is read', () => {
    expect(readSignInCode(`http://127.0.0.1:8080/?signin=${CODE}`)).toBe(CODE);
  });

  it('when there is no code (or an empty one), then there is nothing to redeem', () => {
    expect(readSignInCode('http://127.0.0.1:8080/#v=-13.5,27.5,4.6')).toBeNull();
    expect(readSignInCode('http://127.0.0.1:8080/?signin=')).toBeNull();
  });

  it('when the code is removed, then the path, other parameters and the map view in the hash stay', () => {
    expect(withoutSignInCode(`http://127.0.0.1:8080/?signin=${CODE}`)).toBe('/');
    expect(withoutSignInCode(`http://h/app/?a=1&signin=${CODE}&b=2#v=-9.3,32.7,9&l=points`)).toBe('/app/?a=1&b=2#v=-9.3,32.7,9&l=points');
  });
});

describe('error messages for people', () => {
  it('when the server names invalid fields, then each field and reason is listed', () => {
    const err = new ApiError(400, { type: 'about:blank', title: 'Bad request', status: 400, errors: [{ field: 'password', message: 'at least 12 characters' }] }, '/api/v1/users');
    expect(errorMessage(err)).toBe('password: at least 12 characters');
  });

  it('when a problem has a detail, then it becomes a sentence', () => {
    const err = new ApiError(401, { type: 'about:blank', title: 'Sign-in failed', status: 401, detail: 'wrong username or password' }, '/api/v1/auth/login');
    expect(errorMessage(err)).toBe('Wrong username or password.');
  });

});
