import { describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../src/cfn/evaluate';
import { parseTemplate } from '../../src/cfn/parse';
import { CfnError, MissingParamsError, Sym, refsIn } from '../../src/cfn/types';

/** Evaluate `Value` of a one-resource template written in YAML, with the given extra sections and params. */
function value(yaml: string, extra = '', params: Record<string, string> = {}): unknown {
  const text =
    `${extra}\nResources:\n  Res:\n    Type: AWS::SNS::Topic\n    Properties:\n      Value: ${yaml}\n  Other:\n  ` +
    `  Type: AWS::S3::Bucket\n`;
  const ev = evaluateTemplate(parseTemplate(text).template, params);
  return ev.resources.find((r) => r.id === 'Res')!.props.Value;
}
const P =
  `Parameters:\n  Env: { Type: String, Default: prod }\n  Size: { Type: Number, Default: 3 }\n  Subnets: { Type: ` +
  `CommaDelimitedList, Default: 'a,b,c' }\n  NoDefault: { Type: String }`;

describe('intrinsic functions', () => {
  it(
    'Ref: a parameter gives its value (lists split), a resource stays ' + 'symbolic, AWS::NoValue removes the property',
    () => {
      expect(value('!Ref Env', P)).toBe('prod');
      expect(value('!Ref Env', P, { Env: 'dev' })).toBe('dev');
      expect(value('!Ref Subnets', P)).toEqual(['a', 'b', 'c']);
      const r = value('!Ref Other', P);
      expect(r).toBeInstanceOf(Sym);
      expect(refsIn(r)).toEqual(['Other']);
      expect(value('!Ref NoDefault', P)).toEqual(new Sym('param', 'NoDefault'));
      expect(value('!Ref AWS::NoValue', P)).toBeUndefined();
    },
  );
  it('pseudo parameters: region and partition have offline values, the account id stays symbolic unless given', () => {
    expect(value('!Ref AWS::Region')).toBe('us-east-1');
    expect(value('!Ref AWS::Region', '', { 'AWS::Region': 'eu-west-1' })).toBe('eu-west-1');
    expect(value('!Ref AWS::Partition')).toBe('aws');
    expect(value('!Ref AWS::AccountId')).toEqual(new Sym('param', 'AWS::AccountId'));
    expect(value('!Ref AWS::AccountId', '', { 'AWS::AccountId': '111122223333' })).toBe('111122223333');
  });
  it('GetAtt: short form A.B and long form, symbolic; an unknown resource is an error', () => {
    expect(value('!GetAtt Other.Arn')).toEqual(new Sym('getatt', 'Other', 'Arn'));
    expect(value('{ "Fn::GetAtt": [Other, Arn] }')).toEqual(new Sym('getatt', 'Other', 'Arn'));
    expect(() => value('!GetAtt Nope.Arn')).toThrow(/Nope, which is not a resource/);
  });
  it(
    'Sub: parameters, pseudo parameters, variables, ${!Literal}; ' + 'resources keep their place in a symbolic string',
    () => {
      expect(value("!Sub 'ep-${Env}-${AWS::Region}'", P)).toBe('ep-prod-us-east-1');
      expect(value("!Sub ['${a}-${b}', { a: x, b: !Ref Env }]", P)).toBe('x-prod');
      expect(value("!Sub '${!NotMe}'")).toBe('${NotMe}');
      const s = value("!Sub 's3://${Other}/k-${Env}'", P) as Sym;
      expect(s.kind).toBe('str');
      expect(String(s)).toBe('s3://${Other}/k-prod');
      expect(refsIn(s)).toEqual(['Other']);
      expect(refsIn(value("!Sub '${Other.Arn}/*'"))).toEqual(['Other']);
      expect(() => value("!Sub '${Missing}'")).toThrow(/\$\{Missing\}/);
    },
  );
  it('Join, Select, Split', () => {
    expect(value("!Join ['-', [a, !Ref Env, 1]]", P)).toBe('a-prod-1');
    expect(String(value("!Join ['', ['arn:', !GetAtt Other.Arn]]"))).toBe('arn:${Other.Arn}');
    expect(value('!Select [1, !Ref Subnets]', P)).toBe('b');
    expect(() => value('!Select [5, [a]]')).toThrow(/past the end/);
    expect(value("!Split [',', 'x,y']")).toEqual(['x', 'y']);
    expect(value("!Select [0, !GetAZs '']")).toBeInstanceOf(Sym);
  });
  it('If, Equals, And, Or, Not, Condition in Conditions', () => {
    const C =
      `${P}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  Big: !Equals [!Ref Size, 3]\n  Both: !And ` +
      `[!Condition IsProd, !Condition Big]\n  Either: !Or [!Not [!Condition IsProd], !Condition Big]`;
    expect(value('!If [IsProd, yes, no]', C)).toBe('yes');
    expect(value('!If [IsProd, yes, no]', C, { Env: 'dev' })).toBe('no');
    expect(value('!If [Both, yes, no]', C)).toBe('yes');
    expect(value('!If [Both, yes, no]', C, { Size: '4' })).toBe('no');
    expect(value('!If [Either, yes, no]', C, { Env: 'dev', Size: '4' })).toBe('yes');
    expect(value('!If [IsProd, !Ref AWS::NoValue, x]', C)).toBeUndefined();
  });
  it('FindInMap, Base64, ToJsonString, Length', () => {
    const M = `${P}\nMappings:\n  Sizes:\n    prod: { Type: ml.c5.xlarge }`;
    expect(value('!FindInMap [Sizes, !Ref Env, Type]', M)).toBe('ml.c5.xlarge');
    expect(() => value('!FindInMap [Sizes, dev, Type]', M)).toThrow(/no key dev/);
    expect(value('!Base64 hello')).toBe('aGVsbG8=');
    expect(value('!ToJsonString { a: [1, 2] }')).toBe('{"a":[1,2]}');
    expect(value('!ToJsonString { a: !Ref Other }')).toBeInstanceOf(Sym);
    expect(value('{ "Fn::Length": [a, b, c] }')).toBe(3);
  });
  it('ImportValue stays symbolic; an unknown function is an error naming it', () => {
    expect(value('!ImportValue shared-vpc-id')).toEqual(new Sym('import', 'Fn::ImportValue', 'shared-vpc-id'));
    expect(() => value('{ "Fn::Frobnicate": [a] }')).toThrow(/unknown intrinsic function Fn::Frobnicate/);
  });
  it('a condition that needs a parameter with no default is a MissingParamsError naming it', () => {
    const C =
      `Parameters:\n  Stage: { Type: String, AllowedValues: [a, b], Description: which }\nConditions:\n  IsA: ` +
      `!Equals [!Ref Stage, a]`;
    try {
      value('!If [IsA, 1, 2]', C);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MissingParamsError);
      expect((e as MissingParamsError).params).toEqual([
        { name: 'Stage', description: 'which', allowed: ['a', 'b'], condition: 'IsA' },
      ]);
    }
    expect(value('!If [IsA, 1, 2]', C, { Stage: 'b' })).toBe(2);
  });
  it('a parameter value outside AllowedValues, or a parameter the template does not have, is refused', () => {
    expect(() => value('x', 'Parameters:\n  E: { Type: String, AllowedValues: [a] }', { E: 'z' })).toThrow(
      /allowed values are a/,
    );
    expect(() => value('x', '', { Nope: '1' })).toThrow(/no parameter Nope/);
  });
  it('circular references between resources are refused, naming the cycle', () => {
    const t = parseTemplate(
      'Resources:\n  A: { Type: AWS::SNS::Topic, Properties: { X: !Ref B } }\n  B: { Type: AWS::SNS::Topic, ' +
        'Properties: { Y: !GetAtt A.Arn } }',
    ).template;
    expect(() => evaluateTemplate(t)).toThrow(/circular reference between resources: A → B → A/);
    const d = parseTemplate('Resources:\n  A: { Type: AWS::SNS::Topic, DependsOn: A }').template;
    expect(() => evaluateTemplate(d)).toThrow(CfnError);
  });
});
