// CallCenter on Azure Container Apps: the three services, managed PostgreSQL, Redis and Storage.
// Asterisk stays the customer's own PBX (Container Apps has no UDP ingress for SIP); the ingestion
// service reaches its ARI over HTTPS/WSS at asteriskAriUrl.
targetScope = 'resourceGroup'

@description('Short name used as a prefix for every resource.')
@minLength(3)
@maxLength(12)
param name string = 'callcenter'

param location string = resourceGroup().location

@description('Service images in this deployment\'s registry (output AZURE_CONTAINER_REGISTRY_ENDPOINT), e.g. <registry>/callcenter/api:1.0.0. Empty on the first provisioning, before any image is pushed: the app then runs a placeholder until `azd deploy` sets the image.')
param ingestionImage string = ''
param persistenceImage string = ''
param apiImage string = ''

@description('Base URL of the customer Asterisk ARI, e.g. https://pbx.example.com:8089/ari/')
param asteriskAriUrl string

param asteriskAriUsername string = 'callcenter'

@secure()
param asteriskAriPassword string

@description('PostgreSQL administrator password; generate one per installation, never commit it.')
@secure()
param postgresAdminPassword string

@description('OpenID Connect authority whose published keys sign the API\'s tokens, and the issuer/audience it must carry.')
param jwtAuthority string
param jwtIssuer string = jwtAuthority
param jwtAudience string = 'callcenter-api'

@description('Key (at least 32 bytes) that signs recording download links; every API replica must share it.')
@secure()
param recordingLinkSigningKey string

// The Redis stream the ingestion service appends ARI events to and the persistence worker's consumer group on it
// (AriStreamEntry.DefaultStreamName and PersistenceOptions.ConsumerGroup): the services and the KEDA scaler must agree.
var eventStream = 'callcenter:ari-events'
var consumerGroup = 'callcenter-persistence'

// Served by Container Apps until `azd deploy` sets a service's image; it answers no /health, so it gets no probes.
var placeholderImage = 'mcr.microsoft.com/k8se/quickstart:latest'

var suffix = uniqueString(resourceGroup().id, name)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

// The images' registry; the apps pull with the identity (AcrPull), so no admin user or password.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: take('${replace(name, '-', '')}cr${suffix}', 50)
  location: location
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, identity.id, '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${name}st${suffix}', 24)
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource recordingsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'recordings'
}

// Storage Blob Data Contributor: the worker uploads, the API streams and signs (user delegation SAS).
resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: { name: 'Standard_B2s', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: 'callcenter'
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 64 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'allow-azure-services'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

// pg_trgm backs the partial phone-number search of the call log.
resource postgresExtensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'azure.extensions'
  properties: { value: 'PG_TRGM', source: 'user-override' }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'callcenterdb'
}

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${name}-redis-${suffix}'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env-${suffix}'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var redisConnection = '${redis.properties.hostName}:6380,password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
var postgresConnection = 'Host=${postgres.properties.fullyQualifiedDomainName};Database=callcenterdb;Username=callcenter;Password=${postgresAdminPassword};SSL Mode=Require'

var secrets = [
  { name: 'redis', value: redisConnection }
  { name: 'callcenterdb', value: postgresConnection }
  { name: 'ari-password', value: asteriskAriPassword }
]

// The blob endpoint (no key): the services see an account URL and authenticate with the identity (AZURE_CLIENT_ID).
var commonEnv = [
  { name: 'ConnectionStrings__redis', secretRef: 'redis' }
  { name: 'ConnectionStrings__callcenterdb', secretRef: 'callcenterdb' }
  { name: 'ConnectionStrings__blobs', value: storage.properties.primaryEndpoints.blob }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'Ari__BaseUrl', value: asteriskAriUrl }
  { name: 'Ari__Username', value: asteriskAriUsername }
  { name: 'Ari__Password', secretRef: 'ari-password' }
  { name: 'Ari__Application', value: 'call-center' }
]

var ingestionEnv = concat(commonEnv, [{ name: 'Ingestion__StreamName', value: eventStream }])
var persistenceEnv = concat(commonEnv, [
  { name: 'Persistence__StreamName', value: eventStream }
  { name: 'Persistence__ConsumerGroup', value: consumerGroup }
])
var apiEnv = concat(commonEnv, [
  { name: 'Authentication__Jwt__Authority', value: jwtAuthority }
  { name: 'Authentication__Jwt__Issuer', value: jwtIssuer }
  { name: 'Authentication__Jwt__Audience', value: jwtAudience }
  { name: 'Recordings__LinkSigningKey', secretRef: 'recording-link-key' }
])

// The images listen on 8080 (ASPNETCORE_HTTP_PORTS); /alive is the process, /health its servers too.
var probes = [
  { type: 'Liveness', httpGet: { path: '/alive', port: 8080 }, periodSeconds: 10 }
  { type: 'Readiness', httpGet: { path: '/health', port: 8080 }, periodSeconds: 10 }
  { type: 'Startup', httpGet: { path: '/alive', port: 8080 }, periodSeconds: 2, failureThreshold: 30 }
]

var registries = [{ server: registry.properties.loginServer, identity: identity.id }]

// Exactly one ingestion replica: ARI delivers an application's events to one WebSocket.
resource ingestion 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-ingestion'
  location: location
  tags: { 'azd-service-name': 'ingestion' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  // A revision pulls its image with the identity, so the AcrPull role must exist first.
  dependsOn: [acrPull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: secrets
      registries: registries
    }
    template: {
      containers: [
        {
          name: 'ingestion'
          image: empty(ingestionImage) ? placeholderImage : ingestionImage
          env: ingestionEnv
          probes: empty(ingestionImage) ? [] : probes
          resources: { cpu: json('0.5'), memory: '1Gi' }
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 1 }
    }
  }
}

// The worker scales on the consumer group's lag (KEDA redis-streams scaler).
resource persistence 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-persistence'
  location: location
  tags: { 'azd-service-name': 'persistence' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  // A revision pulls its image with the identity, so the AcrPull role must exist first.
  dependsOn: [acrPull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: concat(secrets, [ { name: 'redis-password', value: redis.listKeys().primaryKey } ])
      registries: registries
    }
    template: {
      containers: [
        {
          name: 'persistence'
          image: empty(persistenceImage) ? placeholderImage : persistenceImage
          env: persistenceEnv
          probes: empty(persistenceImage) ? [] : probes
          resources: { cpu: json('1.0'), memory: '2Gi' }
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 5
        rules: [
          {
            name: 'stream-lag'
            custom: {
              type: 'redis-streams'
              metadata: {
                address: '${redis.properties.hostName}:6380'
                enableTLS: 'true'
                stream: eventStream
                consumerGroup: consumerGroup
                lagCount: '5000'
              }
              auth: [ { secretRef: 'redis-password', triggerParameter: 'password' } ]
            }
          }
        ]
      }
    }
  }
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-api'
  location: location
  tags: { 'azd-service-name': 'api' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  // A revision pulls its image with the identity, so the AcrPull role must exist first.
  dependsOn: [acrPull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: concat(secrets, [{ name: 'recording-link-key', value: recordingLinkSigningKey }])
      registries: registries
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'api'
          image: empty(apiImage) ? placeholderImage : apiImage
          env: apiEnv
          probes: empty(apiImage) ? [] : probes
          resources: { cpu: json('1.0'), memory: '2Gi' }
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 5
        rules: [ { name: 'http', http: { metadata: { concurrentRequests: '100' } } } ]
      }
    }
  }
}

// azd pushes the images here (and so can anyone with AcrPush on it).
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.properties.loginServer
output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}/graphql'
output storageBlobEndpoint string = storage.properties.primaryEndpoints.blob
