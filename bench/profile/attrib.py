"""attrib.py file.speedscope.json: where the busy thread time goes (threads not parked in a wait).
(a) by component, inclusive (a sample counts for every component on its stack);
(b) by kind of work, exclusive (each sample goes to the deepest frame that matches a kind)."""
import sys, re, collections
from speedscope import busy_samples
COMPONENTS = [
 ('authentication (handler, token/cookie, stamp check)', r'AuthenticationService\.AuthenticateAsync|AuthenticationHandler`1\+<AuthenticateAsync>|AuthenticationHandler`1\.AuthenticateAsync'),
 ('  security stamp check (user row read per request)', r'ValidateSecurityStamp|RejectStale'),
 ('Caller resolution (user row read again)', r'CallerResolution|Caller\.FromAsync|Caller\+<FromAsync>'),
 ('authorization policies', r'PolicyEvaluator|DefaultAuthorizationService'),
 ('page handler (OnGet: the page\'s own queries)', r'On(Get|Post)\w*Async'),
 ('Razor rendering (page, layout, partials, view components)', r'RazorView\.RenderAsync|RazorView\+<RenderAsync>'),
 ('  layout', r'Shared__Layout'),
 ('  view component: SupervisionPanel', r'SupervisionPanel'),
 ('  view component: FollowButton', r'FollowButton'),
 ('  view component: UnitFollowUps', r'UnitFollowUps'),
 ('  view component: Bell (unread count)', r'Bell\.InvokeAsync|Bell\+<InvokeAsync>|InboxQueries'),
 ('  demo banner (layout partial)', r'DemoBanner|DemoYear'),
 ('  antiforgery token (sign-out form)', r'Antiforgery'),
 ('SupervisionState.LoadAsync (plan-wide state)', r'SupervisionState\.LoadAsync|SupervisionState\+<LoadAsync>'),
 ('Owing (reports owed)', r'Reporting\.Owing'),
 ('dashboard model / cache', r'Features\.Dashboard\.Dashboard(Query|Cache)'),
 ('localisation (culture + resource lookups)', r'RequestLocalizationMiddleware\.SetCurrent|RequestCultureProvider|ResourceManagerStringLocalizer|ResourceManager\.|LocalizedString|StringLocalizer'),
 ('output cache middleware (own work)', r'OutputCache(Middleware\.(TryServe|CreateCacheKey|FinalizeCache|ExecuteResponse|Shielded)|Policy|KeyProvider)|OutputCacheContext'),
 ('static assets', r'StaticAsset|StaticFile'),
 ('OpenTelemetry / Activity', r'OpenTelemetry.*(OnStart|OnStop|OnEvent|Processor|Meter|Record)|Activity\.(Start|Stop)'),
]
KINDS = [  # later = deeper wins only by stack position; order only breaks ties
 ('EF: DbContext creation, services, dispose', r'EntityFrameworkCore.*(DbContext\.\.ctor|DbContextPool|DbContext\.Dispose|InternalServiceProvider|ServiceProviderCache|DbContextDependencies|get_InternalServiceProvider|ContextServices)'),
 ('EF: query compile / cache lookup / parameters', r'QueryCompiler\.|CompiledQueryCache|ExpressionTreeFuncletizer|QueryTranslat|ParameterExtracting|RelationalParameterBasedSqlProcessor|QuerySqlGenerator'),
 ('EF: open connection (+ PRAGMAs)', r'SqliteConnection\.Open|RelationalConnection\.Open|SqliteDurability|NpgsqlConnection\.Open'),
 ('EF: run command + read rows', r'RelationalCommand\.|SqliteCommand|SqliteDataReader|SingleQueryingEnumerable|SplitQueryingEnumerable|Sqlite3|raw\.sqlite3|Npgsql|ShaperProcessing|StateManager|InternalEntityEntry'),
 ('EF: other', r'EntityFrameworkCore'),
 ('Identity', r'Microsoft\.(AspNetCore|Extensions)\.Identity'),
 ('data protection (token/cookie unprotect, antiforgery)', r'DataProtection|Cryptography|AesGcm|CngGcm|ManagedAuthenticatedEncryptor'),
 ('antiforgery', r'Antiforgery'),
 ('localisation lookups', r'ResourceManagerStringLocalizer|ResourceManager\.|ResourceReader|RequestCultureProvider|CultureInfo'),
 ('Razor / HTML writing and encoding', r'Microsoft\.AspNetCore\.Mvc\.Razor|ViewFeatures|Razor\.TagHelpers|HtmlEncoder|TextEncoder|ViewBuffer|AspNetCoreGeneratedDocument|Features_'),
 ('MVC page pipeline (routing to the page, model binding, filters)', r'Microsoft\.AspNetCore\.Mvc'),
 ('routing', r'Microsoft\.AspNetCore\.Routing'),
 ('authentication/authorization framework', r'Microsoft\.AspNetCore\.Authentication|Microsoft\.AspNetCore\.Authorization'),
 ('Kestrel, sockets, pipes', r'Kestrel|System\.Net\.Sockets|System\.IO\.Pipelines'),
 ('OpenTelemetry / diagnostics', r'OpenTelemetry|System\.Diagnostics\.(Activity|DiagnosticSource|Metrics)'),
 ('other middleware (hosting, localisation mw, output cache, rate limit, diagnostics)', r'Microsoft\.AspNetCore\.(Hosting|Localization|OutputCaching|RateLimiting|Diagnostics|HostFiltering|Http)'),
 ('app code (Jiaowang.Web itself)', r'^Jiaowang\.'),
 ('DI', r'Microsoft\.Extensions\.DependencyInjection'),
]
COMPONENTS = [(n, re.compile(p)) for n, p in COMPONENTS]; KINDS = [(n, re.compile(p)) for n, p in KINDS]
busy = 0; inc = collections.Counter(); kind = collections.Counter(); appf = collections.Counter()
cache = {}
def kind_of(f, name):
    if f not in cache: cache[f] = next((k for k, r in KINDS if r.search(name)), None)
    return cache[f]
for names, stack, dt in busy_samples(sys.argv[1]):
    busy += dt
    for n, r in COMPONENTS:
        if any(r.search(x) for x in names): inc[n] += dt
    k = next((kind_of(f, x) for f, x in zip(reversed(stack), reversed(names)) if kind_of(f, x)), 'runtime (GC, JIT, thread pool, unmanaged)')
    kind[k] += dt
    seen = set()
    for x in names:
        if x.startswith('Jiaowang.Web!') and 'MoveNext' not in x and '<>c' not in x:
            key = re.sub(r'\(.*', '', x[len('Jiaowang.Web!'):])
            if key not in seen: appf[key] += dt; seen.add(key)
print(f'busy thread time {busy/1000:.1f} s (= 100 %)')
print('== (a) by component, inclusive')
for n, _ in COMPONENTS: print(f'{100*inc[n]/busy:6.1f} %  {n}')
print('== (b) by kind of work, exclusive (deepest matching frame)')
for k, v in kind.most_common(): print(f'{100*v/busy:6.1f} %  {k}')
if len(sys.argv) > 2:
    print('== Jiaowang methods, inclusive')
    for k, v in appf.most_common(int(sys.argv[2])): print(f'{100*v/busy:6.1f} %  {k[:150]}')
