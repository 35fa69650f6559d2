// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for the meridian of UTC+7 as the official
// Vietnamese calendar is (it differs from the Chinese one in some years: Tết 1985, 2007, 2030 …). Algorithm of
// Hồ Ngọc Đức ("Âm lịch Việt Nam"), after Meeus; exact for the years a working calendar needs.
import { daysFromCivil } from './civil.js';

const VIETNAM_UTC_OFFSET_HOURS = 7;
/** Julian day number of 1970-01-01 (our day 0). */
const JD_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
const JD_NEW_MOON_1900 = 2415021.076998695;
const RAD = Math.PI / 180;

/** Julian day (fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c = c - 0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr);
  c = c - 0.0004 * Math.sin(RAD * 3 * Mpr);
  c = c + 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  c = c - 0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  c = c - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c = c + 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** Sun's ecliptic longitude (radians, 0..2π) at a Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  dl = dl + (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  let l = (L0 + dl) * RAD;
  l -= Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  return l;
}

const tz = VIETNAM_UTC_OFFSET_HOURS;

/** Julian day number of the local day holding the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which 30° sector (major solar term) the sun is in at the start of a local day. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day number of the first day of the 11th lunar month (the one holding the winter solstice). */
function lunarMonth11(year: number): number {
  const off = daysFromCivil(year, 12, 31) + JD_UNIX_EPOCH - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Months after month 11 at which the leap month falls (the first month without a major solar term). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - JD_NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The solar day (days since 1970-01-01) of a Vietnamese lunar date, e.g. (1, 1, 2026) = Tết 2026 = 2026-02-17.
 * `leap` selects the leap month of that number; undefined when the year has no such leap month.
 */
export function lunarToSolarDays(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false): number | undefined {
  const [a11, b11] = lunarMonth < 11 ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)] : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = Math.floor(0.5 + (a11 - JD_NEW_MOON_1900) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off) + lunarDay - 1 - JD_UNIX_EPOCH;
}
