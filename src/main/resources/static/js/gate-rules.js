// The checkpoint's decision on the device, for the offline gate (issue 11). The same rules as
// com.estateguard.access.internal.rules.EntryRules, in the same order, with the same reasons and
// figures: src/test/resources/gate-decision-cases.json holds both to the same answers (the Java
// rules in GateDecisionCasesTest, this script in headless Chromium in OfflineGateBrowserTest).
// A rule changed there is changed here. The policy is the one the server sent (PolicyParameters
// as JSON); evidence the device cannot verify offline (a health code's status) arrives as null.
(function (root) {
  'use strict';

  var REFER = { CURFEW_EMERGENCY: 1, OUTSIDER_EXCEPTION: 1, TRAVEL_CODE_STARRED: 1, DEMO_SOURCE_ONLY: 1,
    NOT_IN_RESIDENT_REGISTER: 1, CODE_NOT_VERIFIED: 1 };
  var CHECK_KINDS = ['TEMPERATURE', 'HEALTH_CODE', 'CREDENTIAL', 'NAT', 'QUESTIONS', 'ID_DOCUMENT', 'RESIDENCE_PERMIT', 'TRAVEL_CODE'];
  var THREE_CHECKS = { ID_DOCUMENT: 1, RESIDENCE_PERMIT: 1, TRAVEL_CODE: 1 };
  var MISSING = { TEMPERATURE: 'MISSING_TEMPERATURE', HEALTH_CODE: 'MISSING_HEALTH_CODE', CREDENTIAL: 'MISSING_CREDENTIAL',
    NAT: 'MISSING_NAT', QUESTIONS: 'MISSING_QUESTIONS' };
  var PASS_REASON = { FORGED: 'PASS_FORGED', REVOKED: 'PASS_REVOKED', EXPIRED: 'PASS_EXPIRED', OTHER_ESTATE: 'PASS_OTHER_ESTATE' };
  var RESTRICTION = { LEAVE_NOT_APPROVED: 'LEAVE_NOT_APPROVED', RECOVERY_MONITORING: 'RECOVERY_MONITORING_NOT_OVER',
    RECOVERY_NAT: 'RECOVERY_NAT_NOT_NEGATIVE' };
  var HOUR = 3600 * 1000;

  function reason(code, detail) { return { code: code, detail: detail === undefined || detail === null ? '' : String(detail) }; }
  function livesHere(c) { return c === 'RESIDENT' || c === 'TENANT'; }
  function outsider(c) { return !livesHere(c) && c !== 'ESTATE_STAFF'; }
  function required(p, category) { return (p.requiredChecks && p.requiredChecks[category]) || []; }
  function requires(p, category, kind) { return required(p, category).indexOf(kind) >= 0; }
  function group(p, key) { return p.groups && p.groups[key] ? p.groups[key] : null; }
  function threeChecks(e) { return e.threeChecks || { idDocument: null, residencePermit: null, travelCode: null }; }
  function millis(t) { return typeof t === 'number' ? t : Date.parse(t); }
  // LocalTime.toString(): 06:00, 06:30:15.
  function localTime(t) {
    if (t === null || t === undefined) { return null; }
    var parts = String(t).split(':');
    var hm = parts[0].padStart(2, '0') + ':' + (parts[1] || '00').padStart(2, '0');
    return parts[2] && Number(parts[2]) !== 0 ? hm + ':' + parts[2] : hm;
  }
  function minutes(t) { var p = String(t).split(':'); return Number(p[0]) * 60 + Number(p[1]) + Number(p[2] || 0) / 60; }
  // BigDecimal.toString() of a limit sent as a JSON number: one decimal at least (37.0, 37.3).
  function decimal(n) { var s = String(n); return s.indexOf('.') < 0 && /^-?\d+$/.test(s) ? s + '.0' : s; }
  function inCurfew(p, time) {
    var s = p.curfewStart, e = p.curfewEnd;
    if (s === null || s === undefined || e === null || e === undefined || localTime(s) === localTime(e)) { return false; }
    var t = minutes(time), a = minutes(s), b = minutes(e);
    return a < b ? t >= a && t < b : t >= a || t < b;
  }

  var rules = {
    EntranceMustBeOpen: function (c) { return c.entranceOpen ? [] : [reason('ENTRANCE_CLOSED')]; },
    CurfewWindow: function (c) {
      if (!inCurfew(c.policy, c.localTime)) { return []; }
      return [reason(c.emergency ? 'CURFEW_EMERGENCY' : 'CURFEW', localTime(c.policy.curfewStart) + '-' + localTime(c.policy.curfewEnd))];
    },
    LockdownKeepsOutsidersOut: function (c) { return c.policy.lockdown && outsider(c.category) ? [reason('LOCKDOWN')] : []; },
    OutsiderPolicyRule: function (c) {
      if (!outsider(c.category) || c.category === 'COURIER' || c.policy.outsiderPolicy !== 'REFUSE_EXCEPT_LISTED') { return []; }
      if (c.exception && (c.policy.outsiderExceptions || []).indexOf(c.exception) >= 0) {
        return c.preRegistered ? [] : [reason('OUTSIDER_EXCEPTION', c.exception)];
      }
      return [reason('OUTSIDER_NOT_ALLOWED')];
    },
    CourierPolicyRule: function (c) {
      return c.category === 'COURIER' && c.policy.courierPolicy === 'KEPT_OUT_PICKUP_POINT' ? [reason('COURIER_KEPT_OUT')] : [];
    },
    OutsideVehicleRule: function (c) {
      if (!c.vehicle || c.vehicle.residentVehicle) { return []; }
      return !c.policy.outsideVehiclesAllowed || c.policy.lockdown ? [reason('OUTSIDE_VEHICLE', c.vehicle.plate)] : [];
    },
    RequiredChecksPresent: function (c) {
      var e = c.evidence;
      var present = { TEMPERATURE: !!e.temperature, HEALTH_CODE: !!e.healthCode, CREDENTIAL: !!e.credential, NAT: !!e.nat,
        QUESTIONS: !!(e.answers && e.answers.destination && String(e.answers.destination).trim() && e.answers.symptoms !== null
          && e.answers.symptoms !== undefined) };
      return CHECK_KINDS.filter(function (k) { return requires(c.policy, c.category, k) && !THREE_CHECKS[k] && !present[k]; })
        .map(function (k) { return reason(MISSING[k]); });
    },
    CodeMustBeScanned: function (c) {
      var code = c.evidence.healthCode;
      if (!code || !c.policy.scanRequired) { return []; }
      return code.acquisition === 'SHOWN' ? [reason('CODE_SHOWN_NOT_SCANNED')]
        : code.acquisition === 'TYPED' ? [reason('CODE_TYPED_NOT_SCANNED')] : [];
    },
    CodeMustBeGreen: function (c) {
      var code = c.evidence.healthCode;
      return code && code.status && code.status !== 'GREEN' ? [reason('CODE_NOT_GREEN', code.status)] : [];
    },
    CodeStatusVerified: function (c) {
      var code = c.evidence.healthCode;
      return code && !code.status ? [reason('CODE_NOT_VERIFIED')] : [];
    },
    TemperatureWithinLimit: function (c) {
      var t = c.evidence.temperature;
      if (!t || !(Number(t.celsius) > Number(c.policy.temperatureLimitC))) { return []; }
      return [reason('FEVER', t.celsius + ' > ' + decimal(c.policy.temperatureLimitC))];
    },
    NatWithinWindow: function (c) {
      var nat = c.evidence.nat;
      if (!nat) { return []; }
      if (nat.result === 'POSITIVE') { return [reason('NAT_POSITIVE')]; }
      var age = millis(c.at) - millis(nat.sampledAt);
      if (requires(c.policy, c.category, 'NAT') && age > c.policy.natWindowHours * HOUR) {
        return [reason('NAT_EXPIRED', Math.trunc(age / HOUR) + 'h > ' + c.policy.natWindowHours + 'h')];
      }
      return [];
    },
    NoSymptoms: function (c) { var a = c.evidence.answers; return a && a.symptoms === true ? [reason('SYMPTOMS')] : []; },
    MaskWorn: function (c) { return c.policy.masksRequired && c.evidence.mask !== true ? [reason('NO_MASK')] : []; },
    CredentialVerified: function (c) {
      var cred = c.evidence.credential;
      if (!cred || !requires(c.policy, c.category, 'CREDENTIAL') || cred.verified || (cred.accessControl && livesHere(c.category))
        || c.passFailure) { return []; }
      return [reason('CREDENTIAL_NOT_VERIFIED', cred.type)];
    },
    PassMustBeValid: function (c) { return c.passFailure ? [reason(PASS_REASON[c.passFailure])] : []; },
    InNatRegister: function (c) {
      var g = group(c.policy, 'natRegister');
      var need = !!g && ((c.category === 'RENOVATION_WORKER' && g.renovationWorkers) || (c.category === 'COURIER' && g.couriers)
        || (c.category === 'ESTATE_STAFF' && g.estateStaff));
      return need && c.inNatRegister !== true ? [reason('NOT_IN_NAT_REGISTER')] : [];
    },
    IdDocumentChecked: function (c) {
      var e = c.evidence;
      var checked = (e.credential && e.credential.type === 'ID_DOCUMENT' && e.credential.verified) || threeChecks(e).idDocument === true;
      return requires(c.policy, c.category, 'ID_DOCUMENT') && !checked ? [reason('MISSING_ID_DOCUMENT')] : [];
    },
    ResidencePermitChecked: function (c) {
      return requires(c.policy, c.category, 'RESIDENCE_PERMIT') && threeChecks(c.evidence).residencePermit !== true
        ? [reason('MISSING_RESIDENCE_PERMIT')] : [];
    },
    TravelCodeChecked: function (c) {
      var shown = threeChecks(c.evidence).travelCode;
      return requires(c.policy, c.category, 'TRAVEL_CODE') && (!shown || shown === 'NOT_SHOWN') ? [reason('MISSING_TRAVEL_CODE')] : [];
    },
    TravelCodeClear: function (c) {
      var shown = threeChecks(c.evidence).travelCode;
      if (!shown) { return []; }
      var g = group(c.policy, 'travelCode');
      var allowed = !g || (shown === 'STARRED' ? g.starAllowed : shown === 'RISK_AREA' ? g.riskAreaAllowed : true);
      return allowed ? [] : [reason(shown === 'RISK_AREA' ? 'TRAVEL_CODE_RISK' : 'TRAVEL_CODE_STARRED')];
    },
    DemoSourceIsNoGround: function (c) {
      var code = c.evidence.healthCode, nat = c.evidence.nat;
      var demoNat = nat && nat.demo && requires(c.policy, c.category, 'NAT');
      return (code && code.demo) || demoNat ? [reason('DEMO_SOURCE_ONLY')] : [];
    },
    ResidentInRegister: function (c) { return c.residentResolved === false ? [reason('NOT_IN_RESIDENT_REGISTER')] : []; },
    MovementRestricted: function (c) {
      return (c.restrictions || []).map(function (f) { return reason(RESTRICTION[f.restriction], f.detail); });
    },
    LeavingChecksPresent: function (c) {
      var missing = [];
      if (!c.evidence.temperature) { missing.push(reason('MISSING_TEMPERATURE')); }
      if (!c.evidence.healthCode) { missing.push(reason('MISSING_HEALTH_CODE')); }
      return missing;
    }
  };

  var ENTERING = ['EntranceMustBeOpen', 'CurfewWindow', 'LockdownKeepsOutsidersOut', 'OutsiderPolicyRule', 'CourierPolicyRule',
    'OutsideVehicleRule', 'RequiredChecksPresent', 'CodeMustBeScanned', 'CodeMustBeGreen', 'CodeStatusVerified',
    'TemperatureWithinLimit', 'NatWithinWindow', 'NoSymptoms', 'MaskWorn', 'CredentialVerified', 'PassMustBeValid',
    'InNatRegister', 'IdDocumentChecked', 'ResidencePermitChecked', 'TravelCodeChecked', 'TravelCodeClear',
    'DemoSourceIsNoGround', 'ResidentInRegister', 'MovementRestricted'];
  var LEAVING = ['EntranceMustBeOpen', 'CurfewWindow', 'MovementRestricted'];
  var LEAVING_CHECKED = ['EntranceMustBeOpen', 'CurfewWindow', 'LeavingChecksPresent', 'CodeMustBeScanned', 'CodeMustBeGreen',
    'CodeStatusVerified', 'TemperatureWithinLimit', 'NoSymptoms', 'DemoSourceIsNoGround', 'MovementRestricted'];

  /**
   * The verdict and every reason, as EntryRules.decide. {@code c}: category, direction, evidence,
   * vehicle, policy, entranceOpen, at (ISO instant or ms), localTime (HH:mm in the estate's zone),
   * emergency, exception, preRegistered, passFailure, inNatRegister, residentResolved, restrictions.
   */
  function decide(c) {
    c = Object.assign({ evidence: {} }, c);
    c.evidence = c.evidence || {};
    var leavingChecked = !!(group(c.policy, 'leaving') && group(c.policy, 'leaving').checkLeaving);
    var names = c.direction === 'IN' ? ENTERING : leavingChecked ? LEAVING_CHECKED : LEAVING;
    var reasons = [];
    names.forEach(function (n) { reasons = reasons.concat(rules[n](c)); });
    var verdict = reasons.some(function (r) { return !REFER[r.code]; }) ? 'REFUSE' : reasons.length ? 'REFER' : 'ALLOW';
    return { verdict: verdict, reasons: reasons };
  }

  // ---- Resident passes (出入证), verified on the device: EGP1.<claims>.<Ed25519 signature>, base64url.
  var PREFIX = 'EGP1.';
  function b64url(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) { s += '='; }
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function b64(s) { return b64url(s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')); }
  function long(view, offset) { return Number(view.getBigInt64(offset)); }

  function looksLikePass(text) { return !!text && String(text).trim().indexOf(PREFIX) === 0; }

  /**
   * As residents.Passes.verify, from what the bundle carries: a bad signature or unknown key is
   * FORGED; then REVOKED (the bundle's list), EXPIRED (at the check's time), OTHER_ESTATE.
   * Resolves to {failure: null|FORGED|REVOKED|EXPIRED|OTHER_ESTATE, passId}.
   */
  async function verifyPass(token, bundle, at) {
    var forged = { failure: 'FORGED', passId: null };
    try {
      var parts = String(token).trim().substring(PREFIX.length).split('.');
      if (!looksLikePass(token) || parts.length !== 2) { return forged; }
      var body = b64url(parts[0]), sig = b64url(parts[1]);
      if (body.length !== 32 && body.length !== 24) { return forged; }
      var view = new DataView(body.buffer);
      var offset = body.length === 32 ? 8 : 0;
      var keyId = body.length === 32 ? long(view, 0) : bundle.firstPassKeyId;
      var spki = bundle.passKeys && bundle.passKeys[String(keyId)];
      if (!spki) { return forged; }
      var key = await crypto.subtle.importKey('spki', b64(spki), { name: 'Ed25519' }, false, ['verify']);
      if (!await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, body)) { return forged; }
      var passId = long(view, offset), estateId = long(view, offset + 8), expires = long(view, offset + 16) * 1000;
      var failure = (bundle.revokedPasses || []).indexOf(passId) >= 0 ? 'REVOKED'
        : !(expires > millis(at)) ? 'EXPIRED' : estateId !== bundle.estateId ? 'OTHER_ESTATE' : null;
      return { failure: failure, passId: passId };
    } catch (e) {
      return forged;
    }
  }

  /** The version in force at {@code at} among those the bundle carries (the next one once it starts). */
  function policyAt(bundle, at) {
    var next = bundle.next;
    return next && millis(at) >= millis(next.effectiveFrom) ? next : bundle.policy;
  }

  root.GateRules = { decide: decide, verifyPass: verifyPass, looksLikePass: looksLikePass, policyAt: policyAt };
})(typeof self !== 'undefined' ? self : this);
