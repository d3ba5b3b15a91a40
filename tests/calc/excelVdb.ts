/*
 * Excel's VDB, for the tests: neither @formulajs/formulajs nor HyperFormula has
 * it, so this is a transcription of LibreOffice Calc's ScVDB (sc/source/core/
 * tool/interpr2.cxx: ScGetGDA, ScInterVDB, ScVDB), the Excel-compatible
 * implementation, kept deliberately close to that code rather than to ours. It
 * is anchored to the values Excel's own VDB documentation shows (tests/calc/
 * depreciation.test.ts), including fractional periods and a factor of 1.5.
 */

/** LibreOffice's ScGetGDA: declining-balance depreciation of whole period `period`. */
function gda(cost: number, salvage: number, life: number, period: number, factor: number): number {
  let rate = factor / life;
  let oldValue: number;
  if (rate >= 1) {
    rate = 1;
    oldValue = period === 1 ? cost : 0;
  } else {
    oldValue = cost * Math.pow(1 - rate, period - 1);
  }
  const newValue = cost * Math.pow(1 - rate, period);
  const amount = newValue < salvage ? oldValue - salvage : oldValue - newValue;
  return amount < 0 ? 0 : amount;
}

/** LibreOffice's ScInterVDB: periods 1..ceil(period), switching to straight line, the last one partial. */
function interVdb(cost: number, salvage: number, life: number, life1: number, period: number, factor: number): number {
  let vdb = 0;
  const intEnd = Math.ceil(period);
  let salvageValue = cost - salvage;
  let nowSln = false;
  let sln = 0;
  for (let i = 1; i <= intEnd; i++) {
    let term: number;
    if (!nowSln) {
      const ddb = gda(cost, salvage, life, i, factor);
      sln = salvageValue / (life1 - (i - 1));
      if (sln > ddb) {
        term = sln;
        nowSln = true;
      } else {
        term = ddb;
        salvageValue -= ddb;
      }
    } else {
      term = sln;
    }
    if (i === intEnd) term *= period + 1 - intEnd;
    vdb += term;
  }
  return vdb;
}

/** Excel's VDB(cost, salvage, life, start_period, end_period, [factor = 2], [no_switch = FALSE]). */
export function excelVdb(
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor = 2,
  noSwitch = false,
): number {
  const intStart = Math.floor(start);
  const intEnd = Math.ceil(end);
  if (noSwitch) {
    let vdb = 0;
    for (let i = intStart + 1; i <= intEnd; i++) {
      let term = gda(cost, salvage, life, i, factor);
      if (i === intStart + 1) term *= Math.min(end, intStart + 1) - start;
      else if (i === intEnd) term *= end + 1 - intEnd;
      vdb += term;
    }
    return vdb;
  }
  let part = 0;
  if (start > intStart) {
    const tempIntEnd = intStart + 1;
    const tempValue = cost - interVdb(cost, salvage, life, life, intStart, factor);
    part += (start - intStart) * interVdb(tempValue, salvage, life, life - intStart, tempIntEnd - intStart, factor);
  }
  if (end < intEnd) {
    const tempIntStart = intEnd - 1;
    const tempValue = cost - interVdb(cost, salvage, life, life, tempIntStart, factor);
    part += (intEnd - end) * interVdb(tempValue, salvage, life, life - tempIntStart, intEnd - tempIntStart, factor);
  }
  const remainingCost = cost - interVdb(cost, salvage, life, life, intStart, factor);
  return interVdb(remainingCost, salvage, life, life - intStart, intEnd - intStart, factor) - part;
}
